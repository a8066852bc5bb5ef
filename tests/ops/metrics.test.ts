import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { enqueueJob } from "../../src/jobs/enqueue.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { DEMO_APP } from "../../src/sandboxes/xero/identity/demo-app.ts";
import { client, createTestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { serveTestApp } from "../support/http-app.ts";
import { exited, startSettle } from "../support/process.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { startXeroServer } from "../support/xero-server.ts";

const TOKEN = "metrics-token-for-tests-0123456789";
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** The value of one sample in Prometheus text format, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (
      Object.entries(labels).every(([k, v]) => found[k] === v) &&
      Object.keys(found).length >= Object.keys(labels).length
    ) {
      return Number(match[3]);
    }
  }
  return undefined;
}

async function scrape(origin: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${origin}/metrics`, { headers });
  return { status: res.status, text: await res.text(), type: res.headers.get("content-type") ?? "" };
}

describe("who may read /metrics", () => {
  it("answers a caller that is not on loopback exactly as an unknown path, whatever the method", async () => {
    const api = client(createTestApp(database));
    const hidden = await api.get("/metrics");
    const unknown = await api.get("/no-such-path");
    expect(hidden.status).toBe(404);
    expect(hidden.body.error).toMatchObject({ code: "not_found", message: "No route GET /metrics." });
    expect(Object.keys(hidden.body.error).sort()).toEqual(Object.keys(unknown.body.error).sort());
    expect(hidden.body.error.fix).toBe(unknown.body.error.fix);
    const posted = await api.post("/metrics", {});
    expect(posted.status).toBe(404);
    expect(posted.headers.get("allow")).toBeNull();
  });

  it("serves a holder of METRICS_TOKEN, and nobody presenting another token", async () => {
    const app = createTestApp(database, { metricsToken: TOKEN });
    const ok = await app.request("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
    expect(await ok.text()).toContain("settle_http_request_duration_seconds");
    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, TOKEN, "Bearer "]) {
      expect((await app.request("/metrics", { headers: { authorization } })).status).toBe(404);
    }
  });

  it("serves loopback callers without a token, but not requests a proxy forwarded", async () => {
    const served = await serveTestApp(database);
    try {
      const direct = await scrape(served.origin);
      expect(direct.status).toBe(200);
      expect(direct.type).toContain("text/plain");
      for (const header of ["x-forwarded-for", "forwarded", "x-real-ip"]) {
        expect((await scrape(served.origin, { [header]: "203.0.113.7" })).status).toBe(404);
      }
    } finally {
      await served.close();
    }
  });

  it("takes METRICS_TOKEN from the environment in `settle start`", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "settle-metrics-"));
    const server = await startSettle({ DATA_DIR: dataDir, SETTLE_DEMO: "0", METRICS_TOKEN: TOKEN });
    try {
      expect((await scrape(server.url)).status).toBe(200);
      const proxied = { "x-forwarded-for": "203.0.113.7" };
      expect((await scrape(server.url, proxied)).status).toBe(404);
      expect((await scrape(server.url, { ...proxied, authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    } finally {
      server.child.kill("SIGTERM");
      await exited(server.child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe("what /metrics reports", () => {
  it("times requests by route pattern, method and status class, never by raw path", async () => {
    const ws = await seedWorkspace(database, "Metrics");
    const deal = await seedDeal(ws.ctx, 1);
    const served = await serveTestApp(database);
    try {
      const auth = { authorization: `Bearer ${ws.apiKey}` };
      const route = "/api/v1/opportunities/:id";
      const before = await scrape(served.origin);
      const count = (text: string, status_class: string) =>
        sample(text, "settle_http_request_duration_seconds_count", { method: "GET", route, status_class }) ?? 0;
      expect(
        (await fetch(`${served.origin}/api/v1/opportunities/${deal.opportunity.id}`, { headers: auth })).status,
      ).toBe(200);
      expect(
        (await fetch(`${served.origin}/api/v1/opportunities/${deal.opportunity.id}`, { headers: auth })).status,
      ).toBe(200);
      expect((await fetch(`${served.origin}/api/v1/opportunities/opp_missing`, { headers: auth })).status).toBe(404);
      const after = await scrape(served.origin);
      expect(count(after.text, "2xx") - count(before.text, "2xx")).toBe(2);
      expect(count(after.text, "4xx") - count(before.text, "4xx")).toBe(1);
      expect(after.text).not.toContain(deal.opportunity.id);
      expect(after.text).not.toContain("opp_missing");
      expect(
        sample(after.text, "settle_http_request_duration_seconds_bucket", {
          method: "GET",
          route,
          status_class: "2xx",
          le: "+Inf",
        }),
      ).toBe(count(after.text, "2xx"));
      // Node's own process metrics come along.
      expect(sample(after.text, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    } finally {
      await served.close();
    }
  });

  it("counts queued jobs and the oldest one's age per state when scraped", async () => {
    const served = await serveTestApp(database);
    try {
      const before = (await scrape(served.origin)).text;
      const queued = (text: string) => sample(text, "settle_jobs", { state: "queued" }) ?? -1;
      expect(queued(before)).toBeGreaterThanOrEqual(0);
      for (const state of ["running", "succeeded", "dead"]) {
        expect(sample(before, "settle_jobs", { state })).toBeGreaterThanOrEqual(0);
      }
      const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
      await enqueueJob(database.db, "test.metrics", { n: 1 }, { runAt: tenMinutesAgo });
      await enqueueJob(database.db, "test.metrics", { n: 2 });
      // Scheduled for later: in the queue, but not waiting yet.
      await enqueueJob(database.db, "test.metrics", { n: 3 }, { runAt: new Date(Date.now() + 3_600_000) });
      const after = (await scrape(served.origin)).text;
      expect(queued(after) - queued(before)).toBe(3);
      expect(sample(after, "settle_jobs_oldest_age_seconds", { state: "queued" })).toBeGreaterThanOrEqual(600);
      expect(sample(after, "settle_jobs_oldest_age_seconds", { state: "running" })).toBe(0);
    } finally {
      await served.close();
    }
  });

  it("counts Xero calls by outcome at the adapter", async () => {
    const xero = await startXeroServer(database, systemClock, { metricsToken: TOKEN });
    try {
      const response = await fetch(`${xero.sandbox.urls.identity_url}/connect/token`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${DEMO_APP.clientId}:${DEMO_APP.clientSecret}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ grant_type: "client_credentials" }),
      });
      const { access_token } = (await response.json()) as { access_token: string };
      const tenantId = "a3f1c0de-0001-4e1a-9c55-5e771e000001";
      const calls = (text: string, outcome: string) =>
        sample(text, "settle_provider_calls_total", { provider: "xero", outcome }) ?? -1;
      // This server hands requests to the app without the socket, so it is scraped with the token.
      const bearer = { authorization: `Bearer ${TOKEN}` };
      const before = (await scrape(xero.origin, bearer)).text;
      expect(calls(before, "ok")).toBeGreaterThanOrEqual(0);
      expect(sample(before, "settle_provider_calls_total", { provider: "stripe", outcome: "failed" })).toBe(0);

      await xero.accounting.ledger({ accessToken: access_token, tenantId }).listAccounts();
      await expect(
        xero.accounting.ledger({ accessToken: "not-a-token", tenantId }).listAccounts(),
      ).rejects.toMatchObject({ code: "upstream_failed" });

      const after = (await scrape(xero.origin, bearer)).text;
      expect(calls(after, "ok") - calls(before, "ok")).toBe(1);
      expect(calls(after, "failed") - calls(before, "failed")).toBe(1);
    } finally {
      await xero.close();
    }
  });
});

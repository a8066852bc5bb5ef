import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { xeroConnections } from "../../src/db/schema/integrations.ts";
import { jobs } from "../../src/db/schema/jobs.ts";
import { xeroCallLog, xeroRateLimits } from "../../src/db/schema/xero-sync.ts";
import { enqueue } from "../../src/jobs/enqueue.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { pruneXeroLog } from "../../src/modules/integrations/index.ts";
import { sealTokens } from "../../src/modules/integrations/internal.ts";
import { TOKEN_REFRESH_ACTION } from "../../src/modules/integrations/xero-call-gate.ts";
import { syncXeroWorkspace } from "../../src/modules/invoices/index.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { startXeroServer } from "../support/xero-server.ts";
import { connectedWorkspace, drain, raiseInXero, type Server } from "./xero-sync-support.ts";

let database: Database;
let server: Server;
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startXeroServer(database, clock);
});
afterAll(async () => {
  await server.close();
  await database.close();
});

describe("Xero limits and the integration log", () => {
  it("gives Settle's own 429 a Retry-After when Xero rate limits a member's request (regression)", async () => {
    const { ws } = await connectedWorkspace(database, server, "Own 429", clock);
    server.sandbox.admin.injectFault({ kind: "429", count: 1, pathContains: "/Accounts", retryAfterSeconds: 7 });
    const accounts = () =>
      fetch(`${server.origin}/api/v1/integrations/xero/accounts`, {
        headers: { authorization: `Bearer ${ws.apiKey}` },
      });
    const limited = await accounts();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(((await limited.json()) as { error: { retry_after: number } }).error.retry_after).toBe(7);
    // The organisation is paused: Settle answers 429 itself with the time left, without calling Xero.
    const calls = (await database.db.select().from(xeroCallLog)).length;
    const paused = await accounts();
    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await database.db.select().from(xeroCallLog)).length).toBe(calls);
  });

  it("pauses only the rate-limited organisation; the other keeps syncing, and the paused job resumes by itself", async () => {
    const a = await connectedWorkspace(database, server, "Limited org", clock);
    const b = await connectedWorkspace(database, server, "Free org", clock);
    raiseInXero(server, a.tenantId, a.contactId, "A");
    raiseInXero(server, b.tenantId, b.contactId, "B");
    server.sandbox.admin.injectFault({ kind: "429", count: 1, pathContains: "/Invoices", retryAfterSeconds: 120 });
    await expect(syncXeroWorkspace(a.ctx)).rejects.toMatchObject({ code: "rate_limited" });
    const [paused] = await database.db.select().from(xeroRateLimits).where(eq(xeroRateLimits.tenantId, a.tenantId));
    expect(paused?.pausedUntil?.getTime()).toBeGreaterThan(clock.now().getTime() + 100_000);
    expect(await syncXeroWorkspace(b.ctx)).toMatchObject({ read: 1 });

    // Queued as a job, the paused organisation's sync waits for Retry-After instead of failing attempts.
    await database.db.transaction((tx) =>
      enqueue(tx, "accounting.sync-workspace", {}, { workspaceId: a.ws.workspaceId }),
    );
    const callsBefore = (await database.db.select().from(xeroCallLog).where(eq(xeroCallLog.tenantId, a.tenantId)))
      .length;
    await drain(database, server, clock);
    const [job] = await database.db.select().from(jobs).where(eq(jobs.workspaceId, a.ws.workspaceId));
    expect(job?.status).toBe("queued");
    expect(job?.runAt.getTime()).toBeGreaterThan(clock.now().getTime() + 100_000);
    // No call reached Xero while paused.
    expect((await database.db.select().from(xeroCallLog).where(eq(xeroCallLog.tenantId, a.tenantId))).length).toBe(
      callsBefore,
    );
    offsetMs += 125_000;
    await drain(database, server, clock);
    const [resumed] = await database.db.select().from(jobs).where(eq(jobs.workspaceId, a.ws.workspaceId));
    expect(resumed?.status).toBe("succeeded");
    const shown = await a.api("GET", `/api/v1/opportunities/${a.oppId}/xero-raised-invoices`);
    expect(shown.body.data).toHaveLength(1);
  });

  it("records every call with outcome, status, duration, record and a known fix; filters, pages, keeps 30 days", async () => {
    const { ws, api, oppId } = await connectedWorkspace(database, server, "Log", clock);
    const noAccount = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, {
      portion: "full",
      due_date: "2030-01-31",
      status: "AUTHORISED",
      account_code: "999",
    });
    expect(noAccount.status).toBe(400);
    const failed = await api("GET", "/api/v1/integrations/xero/log?outcome=failed");
    expect(failed.status).toBe(200);
    expect(failed.body.data[0]).toMatchObject({
      action: "Creating the Xero invoice",
      outcome: "failed",
      http_status: 400,
      record_id: oppId,
      fix: expect.stringContaining("revenue account"),
      user_initiated: true,
    });
    expect(failed.body.data[0].message).toContain("Account must be valid");
    const sent = await api("POST", `/api/v1/opportunities/${oppId}/xero-invoices`, {
      portion: "full",
      due_date: "2030-01-31",
      status: "AUTHORISED",
    });
    await api("POST", `/api/v1/invoices/${sent.body.id}/send`);
    const timeline = await api("GET", `/api/v1/integrations/xero/log?record_id=${sent.body.id}`);
    expect(timeline.body.data.map((e: { action: string }) => e.action)).toContain("Emailing the Xero invoice");
    expect(timeline.body.data.every((e: { record_id: string }) => e.record_id === sent.body.id)).toBe(true);
    const first = await api("GET", "/api/v1/integrations/xero/log?limit=2");
    expect(first.body.has_more).toBe(true);
    const next = await api("GET", `/api/v1/integrations/xero/log?limit=2&cursor=${first.body.next_cursor}`);
    expect(next.body.data[0].id < first.body.data[1].id).toBe(true);
    expect((await api("GET", "/api/v1/integrations/xero/log?outcome=nope")).status).toBe(400);

    const all = (await database.db.select().from(xeroCallLog).where(eq(xeroCallLog.workspaceId, ws.workspaceId)))
      .length;
    expect(all).toBeGreaterThan(3);
    await pruneXeroLog(database.db, new Date(Date.now() + 29 * 86_400_000));
    expect(
      (await database.db.select().from(xeroCallLog).where(eq(xeroCallLog.workspaceId, ws.workspaceId))).length,
    ).toBe(all);
    await pruneXeroLog(database.db, new Date(Date.now() + 31 * 86_400_000));
    expect(
      (await database.db.select().from(xeroCallLog).where(eq(xeroCallLog.workspaceId, ws.workspaceId))).length,
    ).toBe(0);
  });
});

describe("token refreshes in the integration log", () => {
  it("records each refresh (outcome, status, duration) outside the limits; a refused one says Reconnect Xero", async () => {
    const { ws, api, tenantId } = await connectedWorkspace(database, server, "Token log", clock);
    server.sandbox.admin.expireAccessTokens();
    expect((await api("GET", "/api/v1/integrations/xero/tax-rates")).status).toBe(200);
    const log = await api("GET", "/api/v1/integrations/xero/log?limit=100");
    const refreshes = log.body.data.filter((e: { action: string }) => e.action === TOKEN_REFRESH_ACTION);
    expect(refreshes).toEqual([
      expect.objectContaining({ outcome: "ok", http_status: 200, fix: null, user_initiated: true }),
    ]);
    expect(refreshes[0].duration_ms).toBeGreaterThanOrEqual(0);

    // A refresh is not an Accounting API call: at two calls a minute, the refused call, the refresh and the
    // call again still go.
    try {
      await database.db.delete(xeroCallLog).where(eq(xeroCallLog.tenantId, tenantId));
      server.accounting.callLimits = { perMinute: 2 };
      server.sandbox.admin.expireAccessTokens();
      expect((await api("GET", "/api/v1/integrations/xero/tax-rates")).status).toBe(200);
    } finally {
      server.accounting.callLimits = {};
    }

    // A refresh token Xero no longer honours: the refresh fails, is logged with the fix, and the card says so.
    const [row] = await database.db
      .select()
      .from(xeroConnections)
      .where(eq(xeroConnections.workspaceId, ws.workspaceId));
    const past = new Date(Date.now() - 60_000);
    await database.db
      .update(xeroConnections)
      .set(
        sealTokens(server.accounting.tokenBox, ws.workspaceId, {
          accessToken: "x",
          refreshToken: "gone",
          expiresAt: past,
        }),
      )
      .where(eq(xeroConnections.id, row?.id ?? ""));
    expect((await api("GET", "/api/v1/integrations/xero/tax-rates")).status).toBe(422);
    const failed = await api("GET", "/api/v1/integrations/xero/log?outcome=failed");
    expect(failed.body.data[0]).toMatchObject({
      action: TOKEN_REFRESH_ACTION,
      outcome: "failed",
      http_status: 400,
      fix: "Reconnect Xero under Settings → Integrations.",
    });
  });
});

describe("the per-organisation limiter", () => {
  it("keeps calls in flight and per minute under the limits, counted in the database", async () => {
    const { ws } = await connectedWorkspace(database, server, "Limiter", clock);
    try {
      // Xero's 5 in flight and 55 a minute, scaled down so a test can reach them (the adapter's limits, as
      // config sets them for a sandbox).
      server.accounting.callLimits = { concurrent: 1, perMinute: 1_000 };
      server.sandbox.admin.injectFault({ kind: "slow", delayMs: 300, count: 3, pathContains: "/TaxRates" });
      const get = () =>
        fetch(`${server.origin}/api/v1/integrations/xero/tax-rates`, {
          headers: { authorization: `Bearer ${ws.apiKey}` },
        });
      const answers = await Promise.all([get(), get(), get()]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      const calls = (
        await database.db.select().from(xeroCallLog).where(eq(xeroCallLog.workspaceId, ws.workspaceId))
      ).filter((c) => c.action === "Reading Xero tax rates");
      const spans = calls.map((c) => [c.startedAt.getTime(), c.finishedAt?.getTime() ?? 0] as const);
      const overlapping = spans.filter(([s], i) => spans.some(([s2, e2], j) => j !== i && s2 < s && s < e2));
      expect(overlapping).toEqual([]);

      server.accounting.callLimits = { concurrent: 5, perMinute: 1 };
      const refused = await get();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      server.accounting.callLimits = {};
    }
  });
});

import { mkdtempSync, rmSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signWebhookBody } from "../index.ts";
import { runXeroSandboxStandalone } from "../standalone.ts";
import { salesInvoice } from "./fixtures.ts";
import { type Harness, NZ_TENANT, startHarness } from "./harness.ts";

const KEY = "test-webhook-key";
const T = NZ_TENANT;

interface Received {
  body: {
    events: Array<{ eventCategory: string; eventType: string; resourceId: string; tenantId: string }>;
    firstEventSequence: number;
  };
  valid: boolean;
}

/** A receiver that behaves like a correct Xero webhook endpoint, optionally failing the first N batches. */
async function startReceiver(failFirst = 0) {
  const received: Received[] = [];
  let failures = failFirst;
  const app = new Hono();
  app.post("/hook", async (c) => {
    const raw = await c.req.text();
    const valid = c.req.header("x-xero-signature") === signWebhookBody(raw, KEY);
    received.push({ body: JSON.parse(raw), valid });
    if (!valid) return c.body(null, 401);
    const isEvents = (JSON.parse(raw) as Received["body"]).events.length > 0;
    if (isEvents && failures > 0) {
      failures -= 1;
      return c.body(null, 500);
    }
    return c.body(null, 200);
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe("webhooks", () => {
  let h: Harness;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver(1);
    h = await startHarness({
      webhookUrl: receiver.url,
      webhookKey: KEY,
      webhookTiming: { batchDelayMs: 20, retryDelaysMs: [50, 50], timeoutMs: 2000 },
    });
  });
  afterAll(async () => {
    await h.close();
    await receiver.close();
  });

  it("runs Intent to Receive, then delivers signed, batched INVOICE and CONTACT events, retrying failures", async () => {
    const api = h.accounting(await h.clientCredentialsToken());
    const contact = (
      await api.createContacts(T, { contacts: [{ name: "Webhook Co", emailAddress: "wh@example.com" }] })
    ).body.contacts?.[0];
    const invoice = (await api.createInvoices(T, { invoices: [salesInvoice(contact?.contactID ?? "")] })).body
      .invoices?.[0];
    await api.updateInvoice(T, invoice?.invoiceID ?? "", { invoices: [{ reference: "changed" }] });
    await new Promise((resolve) => setTimeout(resolve, 60));
    await h.sandbox.admin.webhooks.idle();
    const itr = receiver.received.filter((r) => r.body.events.length === 0);
    expect(itr.map((r) => r.valid)).toEqual([true, false, true, false]);
    expect(h.sandbox.admin.webhooks.status).toBe("active");
    const batches = receiver.received.filter((r) => r.body.events.length > 0);
    expect(batches.length).toBeGreaterThanOrEqual(2);
    expect(batches.every((b) => b.valid)).toBe(true);
    const delivered = batches.at(-1)?.body.events ?? [];
    expect(delivered.map((e) => `${e.eventCategory}:${e.eventType}`)).toEqual([
      "CONTACT:CREATE",
      "INVOICE:CREATE",
      "INVOICE:UPDATE",
    ]);
    expect(delivered.every((e) => e.tenantId === T)).toBe(true);
    for (const batch of batches)
      h.conformance.check(
        h.conformance.webhooks,
        "webhooks#/components/schemas/WebhookEvent",
        batch.body,
        "webhook payload",
      );
    h.sandbox.admin.recordPayment(T, invoice?.invoiceID ?? "");
    await new Promise((resolve) => setTimeout(resolve, 60));
    await h.sandbox.admin.webhooks.idle();
    const last = receiver.received.at(-1)?.body;
    expect(last?.events.map((e) => `${e.eventCategory}:${e.eventType}:${e.resourceId}`)).toEqual([
      `INVOICE:UPDATE:${invoice?.invoiceID}`,
    ]);
    expect(h.conformance.violations).toEqual([]);
  });
});

describe("console", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const withToken = () => ({ "x-sandbox-token": h.sandbox.consoleToken });
  const consoleApi = async (path: string, body?: unknown, headers: Record<string, string> = withToken()) => {
    const response = await fetch(
      `${h.origin}/sandbox/xero/console/api${path}`,
      body === undefined
        ? { headers }
        : { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) },
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("serves the console page", async () => {
    const page = await fetch(`${h.origin}/sandbox/xero/console`, { headers: withToken() });
    const html = await page.text();
    expect(html).toContain("Xero sandbox");
    // Settle serves it under a CSP without inline scripts: the script must be a file of its own.
    expect(html).not.toMatch(/<script>/);
    const script = await fetch(`${h.origin}/sandbox/xero/console/app.js`, { headers: withToken() });
    expect(script.headers.get("content-type")).toContain("javascript");
    expect(await script.text()).toContain("console/api");
  });

  it("refuses the page, its script and its API without the token", async () => {
    const page = await fetch(`${h.origin}/sandbox/xero/console`);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain("?token=");
    expect((await fetch(`${h.origin}/sandbox/xero/console/app.js`)).status).toBe(401);
    const anonymous = await consoleApi("/state", undefined, {});
    expect(anonymous.status).toBe(401);
    expect(JSON.stringify(anonymous.body)).not.toContain(h.sandbox.credentials.client_secret);
    expect((await consoleApi("/clock/advance", { days: 1 }, { "x-sandbox-token": "x".repeat(43) })).status).toBe(401);
  });

  it("turns the link's ?token= into a cookie scoped to /sandbox and drops it from the address", async () => {
    const link = await fetch(`${h.origin}/sandbox/xero/console?token=${h.sandbox.consoleToken}`, {
      redirect: "manual",
    });
    expect(link.status).toBe(303);
    expect(link.headers.get("location")).toBe("/sandbox/xero/console");
    const cookie = link.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/sandbox(;|$)/);
    const pair = cookie.split(";")[0] ?? "";
    expect((await consoleApi("/state", undefined, { cookie: pair })).status).toBe(200);
    expect((await fetch(`${h.origin}/sandbox/xero/console`, { headers: { cookie: pair } })).status).toBe(200);
    const wrong = await fetch(`${h.origin}/sandbox/xero/console?token=nope`, { redirect: "manual" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("bounds what the console accepts and names the field", async () => {
    const cases: Array<[string, unknown, string]> = [
      ["/clock/advance", { days: 367 }, "days"],
      ["/clock/advance", { days: -1 }, "days"],
      ["/faults", { kind: "503", count: 101 }, "count"],
      ["/faults", { kind: "teapot" }, "kind"],
      ["/orgs", { name: "n".repeat(101) }, "name"],
      [`/orgs/${T}/payments`, { InvoiceID: "x", Amount: 1e12 }, "Amount"],
      [`/orgs/${T}/invoices`, { Type: "ACCREC", Reference: "r".repeat(256) }, "Reference"],
      [`/orgs/${T}/invoices`, { Type: "ACCREC", LineItems: [{ UnitAmount: 1e12 }] }, "LineItems.0.UnitAmount"],
      [`/orgs/${T}/invoices`, { Type: "ACCREC", Surprise: 1 }, "Surprise"],
      ["/webhooks", { url: "http://169.254.169.254/latest", key: "k" }, "url"],
      ["/webhooks", { url: "http://example.com/hook", key: "k" }, "url"],
    ];
    for (const [path, body, field] of cases) {
      const response = await consoleApi(path, body);
      expect([path, response.status]).toEqual([path, 400]);
      expect((response.body.issues as Array<{ field: string }>).map((i) => i.field)).toContain(field);
    }
    expect((await consoleApi("/webhooks", { url: "http://127.0.0.1:9/hook", key: "k" })).status).toBe(200);
    expect((await consoleApi("/webhooks", { url: `${h.origin}/hook`, key: "k" })).status).toBe(200);
    expect((await consoleApi("/webhooks", { url: "http://[::1]:9/hook", key: "k" })).status).toBe(200);
    expect((await consoleApi("/webhooks", {})).body.status).toBe("not-configured");
    expect((await consoleApi("/orgs/not-an-org/invoices", { Type: "ACCREC" })).status).toBe(404);
  });

  it("lets a Xero user create, pay and void invoices, inject faults and see the log", async () => {
    const state = await consoleApi("/state");
    expect(state.body.app).toEqual(h.sandbox.credentials);
    const org = await consoleApi(`/orgs/${T}`);
    const contactId = (org.body.contacts as Array<{ ContactID: string }>)[0]?.ContactID;
    const invoice = {
      Type: "ACCREC",
      Status: "AUTHORISED",
      Contact: { ContactID: contactId },
      DueDate: "2030-01-01",
      LineItems: [{ Description: "x", Quantity: 1, UnitAmount: 50, AccountCode: "200" }],
    };
    const created = await consoleApi(`/orgs/${T}/invoices`, invoice);
    const id = String(created.body.invoiceId);
    const paid = await consoleApi(`/orgs/${T}/payments`, { InvoiceID: id });
    expect(paid.status).toBe(200);
    expect(h.sandbox.admin.organisation(T)?.invoices[id]?.status).toBe("PAID");
    const second = await consoleApi(`/orgs/${T}/invoices`, invoice);
    await consoleApi(`/orgs/${T}/invoices/${second.body.invoiceId}`, { Status: "VOIDED" });
    expect(h.sandbox.admin.organisation(T)?.invoices[String(second.body.invoiceId)]?.status).toBe("VOIDED");
    const invalid = await consoleApi(`/orgs/${T}/invoices`, { Type: "ACCREC" });
    expect(invalid.status).toBe(400);
    await consoleApi("/faults", { kind: "503", count: 1 });
    const api = h.accounting(await h.clientCredentialsToken());
    await expect(api.getOrganisations(T)).rejects.toMatch(/"statusCode":503/);
    const log = (await consoleApi("/log")).body as unknown as Array<{ status: number }>;
    expect(log.some((l) => l.status === 503)).toBe(true);
    const advanced = await consoleApi("/clock/advance", { days: 2 });
    expect(Date.parse(String(advanced.body.now)) - Date.now()).toBeGreaterThan(86_400_000);
  });
});

describe("standalone with persistence", () => {
  it("prints one JSON line with URLs and credentials, and keeps state across restarts", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "xero-sandbox-"));
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    let first: Awaited<ReturnType<typeof runXeroSandboxStandalone>>;
    try {
      first = await runXeroSandboxStandalone({ port: 0, dataDir });
    } finally {
      process.stdout.write = write;
    }
    const info = JSON.parse(lines[0] ?? "{}") as Record<string, string>;
    expect(Object.keys(info).sort()).toEqual([
      "api_url",
      "client_id",
      "client_secret",
      "console_token",
      "identity_url",
      "login_url",
    ]);
    const consoleState = `${info.login_url?.replace(/\/login$/, "")}/console/api/state`;
    expect((await fetch(consoleState)).status).toBe(401);
    expect((await fetch(consoleState, { headers: { "x-sandbox-token": info.console_token ?? "" } })).status).toBe(200);
    expect(info.login_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sandbox\/xero\/login$/);
    const tokenResponse = await fetch(`${info.identity_url}/connect/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${info.client_id}:${info.client_secret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    const created = await fetch(`${info.api_url}/api.xro/2.0/Contacts`, {
      method: "PUT",
      headers: { authorization: `Bearer ${access_token}`, "xero-tenant-id": T, "content-type": "application/json" },
      body: JSON.stringify({ Contacts: [{ Name: "Persisted Pty" }] }),
    });
    expect(created.status).toBe(200);
    await first.close();
    const again: string[] = [];
    process.stdout.write = ((chunk: string) => {
      again.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    const second = await runXeroSandboxStandalone({ port: 0, dataDir }).finally(() => {
      process.stdout.write = write;
    });
    // The console token is kept beside the state, readable by its owner only, and survives the restart.
    expect(JSON.parse(again[0] ?? "{}").console_token).toBe(info.console_token);
    expect(statSync(join(dataDir, "sandbox-console-token")).mode & 0o777).toBe(0o600);
    const sandboxState = JSON.parse(
      await import("node:fs").then((fs) => fs.readFileSync(join(dataDir, "xero-sandbox.json"), "utf8")),
    ) as { organisations: Record<string, { contacts: Record<string, { name: string }> }> };
    expect(Object.values(sandboxState.organisations[T]?.contacts ?? {}).some((c) => c.name === "Persisted Pty")).toBe(
      true,
    );
    await second.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});

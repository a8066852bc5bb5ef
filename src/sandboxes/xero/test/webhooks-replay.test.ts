import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signWebhookBody } from "../index.ts";
import { salesInvoice } from "./fixtures.ts";
import { type Harness, NZ_TENANT, startHarness } from "./harness.ts";

const KEY = "test-webhook-key-replay";
const T = NZ_TENANT;

type Body = { events: { eventType: string; resourceId: string }[]; firstEventSequence: number };

/** A correct receiver that can be told to fail every events POST (as an endpoint that is down would). */
async function startReceiver() {
  const received: Body[] = [];
  const state = { down: false };
  const app = new Hono();
  app.post("/hook", async (c) => {
    const raw = await c.req.text();
    if (c.req.header("x-xero-signature") !== signWebhookBody(raw, KEY)) return c.body(null, 401);
    const body = JSON.parse(raw) as Body;
    if (body.events.length > 0 && state.down) return c.body(null, 503);
    if (body.events.length > 0) received.push(body);
    return c.body(null, 200);
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    state,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe("webhook misbehaviour, disabling and replay", () => {
  let h: Harness;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    h = await startHarness({
      webhookUrl: receiver.url,
      webhookKey: KEY,
      webhookTiming: { batchDelayMs: 20, retryDelaysMs: [20, 20], timeoutMs: 2000 },
    });
  });
  afterAll(async () => {
    await h.close();
    await receiver.close();
  });
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 60));
    await h.sandbox.admin.webhooks.idle();
  };

  it("sends a delivery twice, or its events newest first, when asked from the console API", async () => {
    const api = h.accounting(await h.clientCredentialsToken());
    const contact = (await api.createContacts(T, { contacts: [{ name: "Replay Co" }] })).body.contacts?.[0];
    await settle();
    receiver.received.length = 0;
    const dup = await h.console("/webhooks/misbehave", { duplicate: 1 });
    expect(dup.body).toEqual({ duplicate: 1, outOfOrder: 0 });
    const invoice = (await api.createInvoices(T, { invoices: [salesInvoice(contact?.contactID ?? "")] })).body
      .invoices?.[0];
    await settle();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]).toEqual(receiver.received[1]);

    receiver.received.length = 0;
    await h.console("/webhooks/misbehave", { out_of_order: 1 });
    const id = invoice?.invoiceID ?? "";
    // Two changes in one tick land in one batch, which is then split and sent newest first.
    h.sandbox.admin.updateInvoice(T, id, { Reference: "one" });
    h.sandbox.admin.updateInvoice(T, id, { Reference: "two" });
    await settle();
    const sequences = receiver.received.map((b) => b.firstEventSequence);
    expect(sequences.length).toBe(2);
    expect(sequences[0]).toBeGreaterThan(sequences[1] ?? 0);
  });

  it("disables the webhook after its retries fail, keeps the events, and replays them in order", async () => {
    const api = h.accounting(await h.clientCredentialsToken());
    const contact = (await api.createContacts(T, { contacts: [{ name: "Down Co" }] })).body.contacts?.[0];
    await settle();
    receiver.state.down = true;
    receiver.received.length = 0;
    await api.createInvoices(T, { invoices: [salesInvoice(contact?.contactID ?? "")] });
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const state = await h.console("/state");
    const webhook = state.body.webhook as { status: string; pending: number };
    expect(webhook.status).toBe("disabled");
    expect(webhook.pending).toBeGreaterThan(0);
    receiver.state.down = false;
    const replayed = await h.console("/webhooks/replay", {});
    expect(replayed.body.replayed).toBeGreaterThan(0);
    await settle();
    expect(h.sandbox.admin.webhooks.status).toBe("active");
    expect(receiver.received.flatMap((b) => b.events.map((e) => e.eventType))).toContain("CREATE");
  });

  it("answers GET /Invoices/{id}/History with what changed, newest first", async () => {
    const api = h.accounting(await h.clientCredentialsToken());
    const contact = (await api.createContacts(T, { contacts: [{ name: "History Co" }] })).body.contacts?.[0];
    const invoice = (await api.createInvoices(T, { invoices: [salesInvoice(contact?.contactID ?? "")] })).body
      .invoices?.[0];
    h.sandbox.admin.recordPayment(T, invoice?.invoiceID ?? "");
    const history = await api.getInvoiceHistory(T, invoice?.invoiceID ?? "");
    expect(history.body.historyRecords?.map((r) => r.changes)).toEqual(["Paid", "Created"]);
    await expect(api.getInvoiceHistory(T, "00000000-0000-0000-0000-000000000000")).rejects.toBeTruthy();
  });
});

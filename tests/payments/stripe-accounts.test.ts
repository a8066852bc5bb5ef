import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { connectStripe, startStripeServer } from "../support/stripe-server.ts";
import { createTestDatabase } from "../support/test-db.ts";
import {
  approvedInvoice,
  lineStatuses,
  pay,
  paymentLink,
  recordsOf,
  type StripeServer,
  storedEventIds,
  workspace,
} from "./payment-fixtures.ts";

let database: Database;
let server: StripeServer;
const clock: Clock = { now: () => new Date() };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startStripeServer(database, clock);
});
afterAll(async () => {
  await server.close();
  await database.close();
});
beforeEach(() => {
  server.setWebhookGate("pass");
  server.captured.length = 0;
});

async function sandboxAccount(id: string) {
  const accounts = await server.console("GET", "/accounts");
  return (accounts.body.accounts as Array<{ id: string; status: string }>).find((a) => a.id === id);
}

describe("disconnection", () => {
  it("an account that disconnects Settle from Stripe's side shows deauthorized, and links are refused with the fix", async () => {
    const ws = await workspace(database, server, "Deauthorized by Stripe");
    const { account_id: accountId } = await connectStripe(ws.api);
    const { invoiceId } = await approvedInvoice(ws);
    const deauthorized = await server.console("POST", `/accounts/${accountId}/deauthorize`, {});
    expect(deauthorized.status).toBe(200);
    await server.drain();
    const status = await ws.api("GET", "/api/v1/integrations/stripe");
    expect(status.body).toMatchObject({ status: "deauthorized", connected: false, account_id: accountId });
    expect(status.body.deauthorized_at).toEqual(expect.any(String));
    const refused = await ws.api("POST", `/api/v1/invoices/${invoiceId}/payment-link`, { mode: "one_time" });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: "precondition_failed",
      fix: "Connect Stripe in Settings → Integrations",
    });
    // Removing a connection Stripe already ended needs nothing more from Stripe.
    expect((await ws.api("DELETE", "/api/v1/integrations/stripe")).status).toBe(204);
    expect((await ws.api("GET", "/api/v1/integrations/stripe")).body).toMatchObject({ connected: false, status: null });
  });

  it("disconnecting in Settle deauthorizes Settle in Stripe", async () => {
    const ws = await workspace(database, server, "Disconnected in Settle");
    const { account_id: accountId } = await connectStripe(ws.api, "Disconnecting Ltd");
    expect(await sandboxAccount(accountId)).toMatchObject({ status: "connected" });
    expect((await ws.api("DELETE", "/api/v1/integrations/stripe")).status).toBe(204);
    expect(await sandboxAccount(accountId)).toMatchObject({ status: "deauthorized" });
    await server.drain();
    expect((await ws.api("GET", "/api/v1/integrations/stripe")).body).toMatchObject({ connected: false, status: null });
    // Stripe refuses the platform on that account from now on.
    await expect(server.payments.accountName(accountId)).rejects.toThrow(/Reading the Stripe account failed/);
  });
});

describe("manual sync", () => {
  it("recovers a payment whose webhooks never arrived while the endpoint was down", async () => {
    const ws = await workspace(database, server, "Endpoint down");
    await connectStripe(ws.api);
    const { invoiceId, opportunityId, total } = await approvedInvoice(ws);
    const link = await paymentLink(ws, invoiceId);
    // The events of setting up (the link's creation…) are delivered and stored before the endpoint goes down.
    await server.sandbox.admin.webhooks.idle();
    const before = await storedEventIds(database);
    server.setWebhookGate("down");
    await pay(server, link);
    // The sandbox retries on its schedule (50, 100, 200 ms here) and then gives the deliveries up.
    for (let i = 0; i < 200; i++) {
      await server.sandbox.admin.webhooks.idle();
      if (server.sandbox.admin.webhooks.scheduledRetries === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(server.sandbox.admin.webhooks.scheduledRetries).toBe(0);
    const attempts = server.sandbox.admin.webhooks.deliveries().filter((d) => d.status === 503);
    expect(attempts.length).toBeGreaterThan(0);
    server.setWebhookGate("pass");
    await server.runJobs();
    expect(await storedEventIds(database)).toEqual(before);
    expect((await ws.api("GET", `/api/v1/invoices/${invoiceId}`)).body.status).toBe("AUTHORISED");
    const synced = await ws.api("POST", `/api/v1/invoices/${invoiceId}/payment-sync`);
    expect(synced.status).toBe(200);
    expect(synced.body).toMatchObject({ status: "PAID", amount_paid_amount: total });
    await server.runJobs();
    expect(await lineStatuses(ws, opportunityId)).toEqual(["paid", "paid"]);
    const records = await recordsOf(database, ws.workspaceId, invoiceId);
    expect(records.succeeded).toHaveLength(1);
    expect(records.succeeded[0]?.data).toMatchObject({ source: "stripe_sync" });
    expect(records.logs.filter((l) => l.kind === "payment")).toMatchObject([{ status: "succeeded", eventId: null }]);
  });

  it("racing the webhook on the same payment pays the invoice once and announces it once", async () => {
    const ws = await workspace(database, server, "Sync races webhook");
    await connectStripe(ws.api);
    for (let round = 0; round < 3; round++) {
      const { invoiceId, total } = await approvedInvoice(ws);
      const link = await paymentLink(ws, invoiceId);
      server.captured.length = 0;
      server.setWebhookGate("capture");
      await pay(server, link);
      await server.sandbox.admin.webhooks.idle();
      server.setWebhookGate("pass");
      const [synced] = await Promise.all([
        ws.api("POST", `/api/v1/invoices/${invoiceId}/payment-sync`),
        (async () => {
          await Promise.all(server.captured.map((d) => server.deliver(d.body, d.signature)));
          await server.runJobs();
        })(),
        ws.api("POST", `/api/v1/invoices/${invoiceId}/payment-sync`),
      ]);
      expect(synced.status).toBe(200);
      await server.runJobs();
      const invoice = await ws.api("GET", `/api/v1/invoices/${invoiceId}`);
      expect(invoice.body).toMatchObject({ status: "PAID", amount_paid_amount: total });
      const records = await recordsOf(database, ws.workspaceId, invoiceId);
      expect(records.succeeded).toHaveLength(1);
      expect(records.invoicePayments).toHaveLength(1);
      expect(records.logs.filter((l) => l.kind === "payment")).toHaveLength(1);
    }
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { businessEvents } from "../../src/db/schema/payments.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { CONSOLE_TOKEN_HEADER } from "../../src/sandboxes/shared/console-guard.ts";
import { seedWorkspace } from "../support/builders.ts";
import { seedDeal } from "../support/crm-builders.ts";
import { connectStripe, startStripeServer } from "../support/stripe-server.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { httpClient } from "../support/xero-server.ts";

let database: Database;
let server: Awaited<ReturnType<typeof startStripeServer>>;
const clock: Clock = { now: () => new Date() };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startStripeServer(database, clock);
});
afterAll(async () => {
  await server.close();
  await database.close();
});

type Api = ReturnType<typeof httpClient>;

async function approvedInvoice(name: string) {
  const ws = await seedWorkspace(database, name);
  const api = httpClient(server.origin, ws.apiKey);
  const deal = await seedDeal(ws.ctx, 2);
  const opportunityId = deal.opportunity.id;
  const invoice = await api("POST", `/api/v1/opportunities/${opportunityId}/invoices`, { portion: "full" });
  expect(invoice.status).toBe(201);
  expect((await api("POST", `/api/v1/invoices/${invoice.body.id}/approve`)).status).toBe(200);
  return { ws, api, opportunityId, invoiceId: invoice.body.id as string, total: invoice.body.total_amount as number };
}

async function pay(link: string, card = "4242424242424242", extra: Record<string, string> = {}) {
  const response = await fetch(`${server.sandbox.urls.console_url}/api/pay`, {
    method: "POST",
    headers: { [CONSOLE_TOKEN_HEADER]: server.sandbox.consoleToken, "content-type": "application/json" },
    body: JSON.stringify({ payment_link: link, card, email: "client@example.test", ...extra }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function statuses(api: Api, opportunityId: string) {
  return (await api("GET", `/api/v1/opportunities/${opportunityId}/products`)).body.data.map(
    (l: { payment_status: string }) => l.payment_status,
  );
}

describe("Stripe payment links", () => {
  it("refuses a link until Stripe is connected, with the fix", async () => {
    const { api, invoiceId } = await approvedInvoice("Not connected");
    const refused = await api("POST", `/api/v1/invoices/${invoiceId}/payment-link`, { mode: "one_time" });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: "precondition_failed",
      fix: "Connect Stripe in Settings → Integrations",
    });
  });

  it("a paid one-time link makes the invoice PAID once, promotes its lines and logs the payment", async () => {
    const { ws, api, invoiceId, opportunityId, total } = await approvedInvoice("Paid once");
    const account = await connectStripe(api);
    expect(account.account_id).toMatch(/^acct_/);
    const linked = await api("POST", `/api/v1/invoices/${invoiceId}/payment-link`, { mode: "one_time" });
    expect(linked.status).toBe(201);
    expect(linked.body.payment_link).toMatchObject({ mode: "one_time", interval: null, active: true });
    expect(linked.body.payment_link.url).toContain("/sandbox/stripe/checkout/pay/");
    const paid = await pay(linked.body.payment_link.stripe_id);
    expect(paid.status).toBe(200);
    await server.drain();
    const invoice = await api("GET", `/api/v1/invoices/${invoiceId}`);
    expect(invoice.body).toMatchObject({ status: "PAID", amount_paid_amount: total, amount_due_amount: 0 });
    expect(invoice.body.payment_link).toMatchObject({ active: false, last_payment_status: "succeeded" });
    expect(await statuses(api, opportunityId)).toEqual(["paid", "paid"]);
    const events = await api("GET", `/api/v1/events?type=payment_succeeded&invoice_id=${invoiceId}`);
    expect(events.body.data).toHaveLength(1);
    expect(events.body.data[0]).toMatchObject({
      type: "payment_succeeded",
      invoice_id: invoiceId,
      opportunity_id: opportunityId,
    });
    const log = await api("GET", `/api/v1/payments?invoice_id=${invoiceId}`);
    expect(log.body.data).toHaveLength(1);
    expect(log.body.data[0]).toMatchObject({
      type: "payment",
      status: "succeeded",
      amount: total,
      payer_email: "client@example.test",
    });
    // The same payment reported again by a manual sync changes nothing.
    const synced = await api("POST", `/api/v1/invoices/${invoiceId}/payment-sync`);
    expect(synced.status).toBe(200);
    const again = await database.db.select().from(businessEvents).where(eq(businessEvents.invoiceId, invoiceId));
    expect(again.filter((e) => e.type === "payment_succeeded")).toHaveLength(1);
    expect(ws.workspaceId).toBeTruthy();
    // A one-time link takes one payment: Stripe's side is switched off too.
    expect((await pay(linked.body.payment_link.stripe_id)).status).toBeGreaterThanOrEqual(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { connectStripe, startStripeServer } from "../support/stripe-server.ts";
import { createTestDatabase } from "../support/test-db.ts";
import {
  approvedInvoice,
  DAY_MS,
  lineStatuses,
  pay,
  paymentLink,
  recordsOf,
  type StripeServer,
  type Workspace,
  workspace,
} from "./payment-fixtures.ts";

let database: Database;
let server: StripeServer;
let ws: Workspace;
const clock: Clock = { now: () => new Date() };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startStripeServer(database, clock);
  ws = await workspace(database, server, "Payment flows");
  await connectStripe(ws.api);
});
afterAll(async () => {
  await server.close();
  await database.close();
});

describe("subscription links", () => {
  it("every period's payment is logged against the same invoice; the invoice is paid and announced once", async () => {
    const { invoiceId, opportunityId, total } = await approvedInvoice(ws);
    const link = await paymentLink(ws, invoiceId, { mode: "subscription", interval: "month" });
    const paid = await pay(server, link);
    await server.drain();
    const first = await ws.api("GET", `/api/v1/invoices/${invoiceId}`);
    expect(first.body).toMatchObject({ status: "PAID", amount_paid_amount: total });
    expect(first.body.payment_link).toMatchObject({ mode: "subscription", interval: "month" });
    const subscription = paid.checkout_session.subscription;
    expect(subscription).toMatch(/^sub_/);
    // Two later periods: one through the console's "advance a period", one by moving the clock past it.
    const advanced = await server.console("POST", `/subscriptions/${subscription}/advance`, {});
    expect(advanced.status).toBe(200);
    await server.drain();
    server.sandbox.admin.advanceClock(32 * DAY_MS);
    await server.drain();
    const periods = await ws.api("GET", `/api/v1/payments?invoice_id=${invoiceId}&type=payment`);
    const stripeInvoices = periods.body.data.map((p: { stripe: { invoice_id: string } }) => p.stripe.invoice_id);
    expect(new Set(stripeInvoices).size).toBe(3);
    expect(stripeInvoices.every((id: string) => id?.startsWith("in_"))).toBe(true);
    for (const period of periods.body.data) {
      expect(period).toMatchObject({ status: "succeeded", amount: total, stripe: { subscription_id: subscription } });
    }
    // Each period is one payment in the whole log: its PaymentIntent (no metadata) is not logged again.
    const everything = await ws.api("GET", "/api/v1/payments?type=payment&limit=200");
    expect(everything.body.data).toHaveLength(3);
    const records = await recordsOf(database, ws.workspaceId, invoiceId);
    expect(records.succeeded).toHaveLength(1);
    expect(records.invoicePayments).toHaveLength(1);
    expect(records.logs.filter((l) => l.kind === "subscription")).toMatchObject([{ status: "active" }]);
    const after = await ws.api("GET", `/api/v1/invoices/${invoiceId}`);
    expect(after.body).toMatchObject({ status: "PAID", amount_paid_amount: total });
    expect(await lineStatuses(ws, opportunityId)).toEqual(["paid", "paid"]);
  });
});

describe("bank debits", () => {
  it("show processing until the debit settles three days later, then the invoice is paid", async () => {
    const { invoiceId, opportunityId, total } = await approvedInvoice(ws);
    const before = await lineStatuses(ws, opportunityId);
    const link = await paymentLink(ws, invoiceId);
    const paid = await pay(server, link, { bank_account: "000123456789" });
    expect(paid.status).toBe("processing");
    await server.drain();
    const waiting = await ws.api("GET", `/api/v1/invoices/${invoiceId}`);
    expect(waiting.body).toMatchObject({ status: "AUTHORISED", amount_paid_amount: 0 });
    expect(waiting.body.payment_link.last_payment_status).toBe("processing");
    expect(await lineStatuses(ws, opportunityId)).toEqual(before);
    server.sandbox.admin.advanceClock(3 * DAY_MS + 60_000);
    await server.drain();
    const settled = await ws.api("GET", `/api/v1/invoices/${invoiceId}`);
    expect(settled.body).toMatchObject({ status: "PAID", amount_paid_amount: total, amount_due_amount: 0 });
    expect(settled.body.payment_link.last_payment_status).toBe("succeeded");
    expect(await lineStatuses(ws, opportunityId)).toEqual(["paid", "paid"]);
    const records = await recordsOf(database, ws.workspaceId, invoiceId);
    expect(records.succeeded).toHaveLength(1);
    expect(records.failed).toHaveLength(0);
  });

  it("a debit that fails records payment_failed and leaves the invoice and its lines as they were", async () => {
    const { invoiceId, opportunityId } = await approvedInvoice(ws);
    const before = await lineStatuses(ws, opportunityId);
    const link = await paymentLink(ws, invoiceId);
    await pay(server, link, { bank_account: "000111111116" });
    await server.drain();
    expect((await ws.api("GET", `/api/v1/invoices/${invoiceId}`)).body.payment_link.last_payment_status).toBe(
      "processing",
    );
    server.sandbox.admin.advanceClock(3 * DAY_MS + 60_000);
    await server.drain();
    const invoice = await ws.api("GET", `/api/v1/invoices/${invoiceId}`);
    expect(invoice.body).toMatchObject({ status: "AUTHORISED", amount_paid_amount: 0 });
    expect(invoice.body.payment_link.last_payment_status).toBe("failed");
    expect(await lineStatuses(ws, opportunityId)).toEqual(before);
    const records = await recordsOf(database, ws.workspaceId, invoiceId);
    expect(records.failed).toHaveLength(1);
    expect(records.succeeded).toHaveLength(0);
    expect(records.invoicePayments).toHaveLength(0);
    const events = await ws.api("GET", `/api/v1/events?type=payment_failed&invoice_id=${invoiceId}`);
    expect(events.body.data).toHaveLength(1);
    // A later sync reads the same failure and adds nothing.
    expect((await ws.api("POST", `/api/v1/invoices/${invoiceId}/payment-sync`)).status).toBe(200);
    expect((await recordsOf(database, ws.workspaceId, invoiceId)).failed).toHaveLength(1);
  });
});

describe("refunds", () => {
  it("a refund from Stripe's dashboard is logged and announced; the invoice and its lines stay paid", async () => {
    const { invoiceId, opportunityId, total } = await approvedInvoice(ws);
    const link = await paymentLink(ws, invoiceId);
    const paid = await pay(server, link);
    await server.drain();
    expect(await lineStatuses(ws, opportunityId)).toEqual(["paid", "paid"]);
    const refund = await server.console("POST", "/refunds", { payment_intent: paid.payment_intent?.id });
    expect(refund.status).toBe(200);
    await server.drain();
    const refunds = await ws.api("GET", `/api/v1/payments?invoice_id=${invoiceId}&type=refund`);
    expect(refunds.body.data).toHaveLength(1);
    expect(refunds.body.data[0]).toMatchObject({
      type: "refund",
      status: "succeeded",
      amount: total,
      stripe: { refund_id: refund.body.id, payment_intent_id: paid.payment_intent?.id },
    });
    const events = await ws.api("GET", `/api/v1/events?type=payment_refunded&invoice_id=${invoiceId}`);
    expect(events.body.data).toHaveLength(1);
    const invoice = await ws.api("GET", `/api/v1/invoices/${invoiceId}`);
    expect(invoice.body).toMatchObject({ status: "PAID", amount_paid_amount: total });
    expect(await lineStatuses(ws, opportunityId)).toEqual(["paid", "paid"]);
    // Synced again, the refund is the same row and the same event.
    expect((await ws.api("POST", `/api/v1/invoices/${invoiceId}/payment-sync`)).status).toBe(200);
    const records = await recordsOf(database, ws.workspaceId, invoiceId);
    expect(records.refunded).toHaveLength(1);
    expect(records.logs.filter((l) => l.kind === "refund")).toHaveLength(1);
  });
});

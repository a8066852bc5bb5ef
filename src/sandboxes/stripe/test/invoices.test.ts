import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../core/ids.ts";
import { type StripeHarness, startStripeHarness } from "./harness.ts";
import { missingFields } from "./shapes.ts";
import { DAY_MS, eventTypes, subscribe } from "./subscriptions-setup.ts";

let h: StripeHarness;

beforeAll(async () => {
  h = await startStripeHarness();
});
afterAll(async () => {
  await h.close();
});

/** Fixture fields the current API version dropped, or the sandbox leaves out on purpose. */
const INVOICE_EXCEPT = [
  "subscription", // top-level `subscription` is gone at this API version: parent.subscription_details has it
  "customer_address.city",
  "from_invoice.action",
  "last_finalization_error.type",
  "rendering.pdf",
  "shipping_cost.amount_subtotal",
  "shipping_details",
  "automatic_tax.liability.type",
  "customer_shipping",
  "parent.quote_details.quote",
  "lines[].parent.invoice_item_details",
  "lines[].parent.subscription_item_details.proration_details.credited_items",
];
const SUBSCRIPTION_EXCEPT = [
  "automatic_tax.liability",
  "billing_cycle_anchor_config",
  "cancellation_details.reason",
  "billing_thresholds",
  "pause_collection",
  "payment_settings.payment_method_options",
  "pending_invoice_item_interval",
  "pending_update",
  "transfer_data",
  "managed_payments",
  "billing_schedules[]",
  "items.data[].plan.transform_usage",
  "items.data[].price.custom_unit_amount",
  "items.data[].price.transform_quantity",
  "items.data[].billing_thresholds",
];

describe("subscription invoices", () => {
  it("have Stripe's invoice and subscription shapes", async () => {
    const started = await subscribe(h, { quantity: 3, amount: 10_00 });
    const invoice = await h.stripe.invoices.retrieve(started.invoiceId);
    expect(missingFields("invoice", invoice, INVOICE_EXCEPT)).toEqual([]);
    expect(invoice).toMatchObject({
      billing_reason: "subscription_create",
      status: "paid",
      amount_due: 3000,
      amount_paid: 3000,
      amount_remaining: 0,
      customer: started.customerId,
      customer_email: "payer@example.com",
      parent: { type: "subscription_details", subscription_details: { subscription: started.subscriptionId } },
    });
    expect(invoice.number).toMatch(/^[0-9A-F]{8}-0001$/);
    expect(invoice.lines.data[0]).toMatchObject({ amount: 3000, quantity: 3, subscription: started.subscriptionId });
    expect("subscription" in invoice).toBe(false);
    const sub = await h.stripe.subscriptions.retrieve(started.subscriptionId, { expand: ["latest_invoice"] });
    expect(missingFields("subscription", sub, SUBSCRIPTION_EXCEPT.concat(["latest_invoice"]))).toEqual([]);
    expect((sub.latest_invoice as Stripe.Invoice).id).toBe(started.invoiceId);
    expect(sub.default_payment_method).toMatch(/^pm_/);
    const charges = await h.stripe.charges.list({ customer: started.customerId, expand: ["data.balance_transaction"] });
    expect(charges.data).toHaveLength(1);
    expect(charges.data[0]).toMatchObject({ amount: 3000, status: "succeeded", paid: true });
    expect(charges.data[0]?.balance_transaction).toMatchObject({
      object: "balance_transaction",
      amount: 3000,
      fee: 117,
    });
  });

  it("lists by customer, subscription and status, and pages lines", async () => {
    const a = await subscribe(h);
    const b = await subscribe(h);
    const forA = await h.stripe.invoices.list({ customer: a.customerId });
    expect(forA.data.map((i) => i.id)).toEqual([a.invoiceId]);
    const forB = await h.stripe.invoices.list({ subscription: b.subscriptionId, status: "paid" });
    expect(forB.data.map((i) => i.id)).toEqual([b.invoiceId]);
    expect((await h.stripe.invoices.list({ subscription: b.subscriptionId, status: "open" })).data).toEqual([]);
    const lines = await h.stripe.invoices.listLineItems(a.invoiceId);
    expect(lines).toMatchObject({ object: "list", has_more: false, url: `/v1/invoices/${a.invoiceId}/lines` });
    expect(lines.data[0]?.pricing?.price_details?.price).toBe(a.price.id);
    const bad = await h.stripe.invoices.list({ status: "late" as "paid" }).catch((e: Stripe.errors.StripeError) => e);
    expect(bad).toMatchObject({ statusCode: 400, param: "status" });
    const missing = await h.stripe.invoices.retrieve("in_nothing").catch((e: Stripe.errors.StripeError) => e);
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("sends the first invoice's payment events after the session's when asked", async () => {
    const started = await subscribe(h, { eventOrder: "session_first" });
    expect(eventTypes(h, started.subscriptionId)).not.toContain("invoice.paid");
    h.sandbox.admin.ctx.events.emit(h.sandbox.platformAccountId, "checkout.session.completed", {
      id: started.sessionId,
      object: "checkout.session",
      subscription: started.subscriptionId,
    });
    started.afterSessionCompleted();
    const types = eventTypes(h, started.subscriptionId);
    expect(types.indexOf("checkout.session.completed")).toBeLessThan(types.indexOf("invoice.paid"));
    expect(types.filter((t) => t === "invoice.paid")).toHaveLength(1);
    started.afterSessionCompleted();
    expect(eventTypes(h, started.subscriptionId).filter((t) => t === "invoice.paid")).toHaveLength(1);
  });

  it("settles a bank debit's first invoice later on the clock, and tells the session", async () => {
    const started = await subscribe(h, {
      paymentMethod: { type: "us_bank_account", paymentMethodId: newId("pm"), succeeds: true },
    });
    expect(started.paid).toBe(false);
    const open = await h.stripe.invoices.retrieve(started.invoiceId);
    expect(open).toMatchObject({ status: "open", amount_paid: 0, attempted: true });
    h.sandbox.admin.advanceClock(1 * DAY_MS);
    expect((await h.stripe.invoices.retrieve(started.invoiceId)).status).toBe("open");
    h.sandbox.admin.advanceClock(2 * DAY_MS + 1000);
    expect((await h.stripe.invoices.retrieve(started.invoiceId)).status).toBe("paid");
    const types = eventTypes(h, started.customerId);
    expect(types).toEqual(expect.arrayContaining(["payment_intent.processing", "charge.succeeded", "invoice.paid"]));
    expect(types.indexOf("payment_intent.processing")).toBeLessThan(types.indexOf("invoice.paid"));
    const sessionEvents = eventTypes(h, started.sessionId);
    expect(sessionEvents).toEqual(["checkout.session.async_payment_succeeded"]);
  });

  it("a failing bank debit leaves the invoice open and the subscription past due", async () => {
    const started = await subscribe(h, {
      paymentMethod: { type: "us_bank_account", paymentMethodId: newId("pm"), succeeds: false },
    });
    h.sandbox.admin.advanceClock(3 * DAY_MS + 1000);
    expect((await h.stripe.invoices.retrieve(started.invoiceId)).status).toBe("open");
    expect((await h.stripe.subscriptions.retrieve(started.subscriptionId)).status).toBe("past_due");
    const types = eventTypes(h, started.subscriptionId);
    expect(types).toEqual(expect.arrayContaining(["invoice.payment_failed", "customer.subscription.updated"]));
    expect(eventTypes(h, started.sessionId)).toEqual(["checkout.session.async_payment_failed"]);
  });
});

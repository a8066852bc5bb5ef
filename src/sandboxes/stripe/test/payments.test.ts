import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StripeEvent } from "../events/event-bus.ts";
import { type StripeHarness, startStripeHarness } from "./harness.ts";
import { missingFields } from "./shapes.ts";

let h: StripeHarness;

beforeAll(async () => {
  h = await startStripeHarness();
});
afterAll(async () => {
  await h.close();
});

const META = { app_invoice_id: "inv_1", app_workspace_id: "ws_1" };

function link(extra: Partial<Stripe.PaymentLinkCreateParams> = {}) {
  return h.stripe.paymentLinks.create({
    line_items: [
      { quantity: 1, price_data: { currency: "usd", unit_amount: 1234, product_data: { name: "Invoice INV-1" } } },
    ],
    metadata: META,
    payment_intent_data: { metadata: META },
    ...extra,
  });
}

/** Event types on the platform account since `sinceSeq`, oldest first, for the objects named. */
function eventsAbout(ids: string[]): string[] {
  const events = h.sandbox.admin.ctx.store.all<StripeEvent>(h.sandbox.platformAccountId, "event").reverse();
  return events.filter((e) => ids.includes(e.data.object.id)).map((e) => e.type);
}

type PayBody = {
  status: string;
  checkout_session: Stripe.Checkout.Session;
  payment_intent: Stripe.PaymentIntent;
  charge: Stripe.Charge;
};

describe("paying a link through the console's test API", () => {
  it("pays with 4242…, carrying metadata link → session and payment_intent_data → PaymentIntent → Charge", async () => {
    const plink = await link({ customer_creation: "always" });
    const paid = await h.console("/pay", { payment_link: plink.id, card: "4242424242424242", email: "jo@example.com" });
    expect(paid.status).toBe(200);
    const body = paid.body as unknown as PayBody;
    expect(body.status).toBe("succeeded");
    const session = await h.stripe.checkout.sessions.retrieve(body.checkout_session.id);
    expect(session).toMatchObject({
      status: "complete",
      payment_status: "paid",
      metadata: META,
      payment_link: plink.id,
      customer_details: { email: "jo@example.com" },
    });
    const pi = await h.stripe.paymentIntents.retrieve(session.payment_intent as string, {
      expand: ["latest_charge.balance_transaction"],
    });
    expect(pi).toMatchObject({
      status: "succeeded",
      amount: 1234,
      amount_received: 1234,
      metadata: META,
      customer: session.customer,
    });
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({
      payment_intent: pi.id,
      amount_captured: 1234,
      paid: true,
      status: "succeeded",
      metadata: META,
      billing_details: { email: "jo@example.com" },
      payment_method_details: { type: "card", card: { brand: "visa", last4: "4242" } },
    });
    expect((charge.balance_transaction as Stripe.BalanceTransaction).amount).toBe(1234);
    const customer = await h.stripe.customers.retrieve(session.customer as string);
    expect(customer).toMatchObject({ email: "jo@example.com" });
    expect(eventsAbout([session.id, pi.id, charge.id, customer.id])).toEqual([
      "customer.created",
      "payment_intent.created",
      "charge.succeeded",
      "payment_intent.succeeded",
      "checkout.session.completed",
    ]);
    expect(missingFields("payment_intent", { ...pi, latest_charge: charge.id })).toEqual([]);
    // A charge's `refunds` list is only rendered when expanded since API version 2022-11-15.
    const plainCharge = await h.stripe.charges.retrieve(charge.id);
    expect(missingFields("charge", plainCharge, ["refunds"])).toEqual([]);
    expect(missingFields("customer", customer, [])).toEqual([]);
    const byCustomer = await h.stripe.paymentIntents.list({ customer: customer.id });
    expect(byCustomer.data.map((p) => p.id)).toEqual([pi.id]);
    expect((await h.stripe.charges.list({ payment_intent: pi.id })).data.map((c) => c.id)).toEqual([charge.id]);
    expect((await h.stripe.charges.list({ customer: customer.id })).data).toHaveLength(1);
  });

  it("answers a declined card with Stripe's 402 envelope and takes a good card on the same session", async () => {
    const plink = await link();
    const declined = await h.console("/pay", { payment_link: plink.id, card: "4000000000000002" });
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({
      type: "card_error",
      code: "card_declined",
      decline_code: "generic_decline",
      message: "Your card was declined.",
    });
    const sessions = await h.stripe.checkout.sessions.list({ payment_link: plink.id });
    const session = sessions.data[0] as Stripe.Checkout.Session;
    expect(session).toMatchObject({ status: "open", payment_status: "unpaid" });
    const pi = await h.stripe.paymentIntents.retrieve(session.payment_intent as string);
    expect(pi.status).toBe("requires_payment_method");
    expect(pi.last_payment_error).toMatchObject({ code: "card_declined", decline_code: "generic_decline" });
    const poor = await h.console("/pay", { checkout_session: session.id, card: "4000000000009995" });
    expect(poor.body.error).toMatchObject({ code: "card_declined", decline_code: "insufficient_funds" });
    const paid = await h.console("/pay", { checkout_session: session.id, card: "4242424242424242" });
    expect(paid.status).toBe(200);
    const charges = await h.stripe.charges.list({ payment_intent: pi.id });
    expect(charges.data.map((c) => c.status)).toEqual(["succeeded", "failed", "failed"]);
    expect(eventsAbout([pi.id])).toEqual([
      "payment_intent.created",
      "payment_intent.payment_failed",
      "payment_intent.payment_failed",
      "payment_intent.succeeded",
    ]);
  });

  it("stops a one-time link after its limit: the API answers 4xx and the page shows the inactive message", async () => {
    const plink = await link({
      restrictions: { completed_sessions: { limit: 1 } },
      inactive_message: "INV-1 is paid.",
    });
    expect((await h.console("/pay", { payment_link: plink.id, card: "4242424242424242" })).status).toBe(200);
    const again = await h.console("/pay", { payment_link: plink.id, card: "4242424242424242" });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ message: "INV-1 is paid." });
    expect((await h.stripe.paymentLinks.retrieve(plink.id)).restrictions?.completed_sessions).toEqual({
      count: 1,
      limit: 1,
    });
    expect(await (await fetch(plink.url)).text()).toContain("INV-1 is paid.");
  });
});

describe("bank debits settling on the sandbox clock", () => {
  it("completes unpaid and processing, then succeeds after the settlement time", async () => {
    const plink = await link();
    const paid = await h.console("/pay", {
      payment_link: plink.id,
      bank_account: "000123456789",
      email: "ap@example.com",
    });
    const body = paid.body as unknown as PayBody;
    expect(body.status).toBe("processing");
    const id = body.checkout_session.id;
    expect(await h.stripe.checkout.sessions.retrieve(id)).toMatchObject({
      status: "complete",
      payment_status: "unpaid",
    });
    const pi = body.payment_intent.id;
    expect((await h.stripe.paymentIntents.retrieve(pi)).status).toBe("processing");
    h.sandbox.admin.advanceClock(h.sandbox.admin.ctx.timing.asyncSettlementMs - 60_000);
    expect((await h.stripe.paymentIntents.retrieve(pi)).status).toBe("processing");
    h.sandbox.admin.advanceClock(60_000);
    expect(await h.stripe.paymentIntents.retrieve(pi)).toMatchObject({ status: "succeeded", amount_received: 1234 });
    expect((await h.stripe.checkout.sessions.retrieve(id)).payment_status).toBe("paid");
    const charge = body.charge.id;
    expect(await h.stripe.charges.retrieve(charge)).toMatchObject({
      status: "succeeded",
      paid: true,
      payment_method_details: { type: "us_bank_account" },
    });
    expect(eventsAbout([id, pi, charge])).toEqual([
      "payment_intent.created",
      "payment_intent.processing",
      "charge.pending",
      "checkout.session.completed",
      "charge.succeeded",
      "payment_intent.succeeded",
      "checkout.session.async_payment_succeeded",
    ]);
  });

  it("fails with 000111111116 after the settlement time", async () => {
    const plink = await link();
    const body = (await h.console("/pay", { payment_link: plink.id, bank_account: "000111111116" }))
      .body as unknown as PayBody;
    h.sandbox.admin.advanceClock(h.sandbox.admin.ctx.timing.asyncSettlementMs);
    const pi = await h.stripe.paymentIntents.retrieve(body.payment_intent.id);
    expect(pi.status).toBe("requires_payment_method");
    expect(await h.stripe.charges.retrieve(body.charge.id)).toMatchObject({
      status: "failed",
      failure_code: "no_account",
    });
    expect((await h.stripe.checkout.sessions.retrieve(body.checkout_session.id)).payment_status).toBe("unpaid");
    expect(eventsAbout([body.checkout_session.id, pi.id, body.charge.id]).slice(-3)).toEqual([
      "charge.failed",
      "payment_intent.payment_failed",
      "checkout.session.async_payment_failed",
    ]);
  });
});

describe("customers", () => {
  it("creates, retrieves, updates and lists customers by email", async () => {
    const made = await h.stripe.customers.create({ email: "ada@example.com", name: "Ada", metadata: { crm: "c1" } });
    expect(made.id).toMatch(/^cus_[A-Za-z0-9]{14}$/);
    const updated = await h.stripe.customers.update(made.id, { name: "Ada L.", metadata: { crm: "" } });
    expect(updated).toMatchObject({ name: "Ada L.", metadata: {} });
    await h.stripe.customers.create({ email: "other@example.com" });
    const found = await h.stripe.customers.list({ email: "ada@example.com" });
    expect(found.data.map((c) => c.id)).toEqual([made.id]);
    const missing = await h.stripe.customers.retrieve("cus_nothing").catch((e: Stripe.errors.StripeError) => e);
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });
});

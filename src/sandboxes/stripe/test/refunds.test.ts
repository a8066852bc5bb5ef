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

/** A paid PaymentIntent of `amount` cents, paid by card through the console's test API. */
async function paidIntent(amount = 10_000): Promise<{ pi: string; charge: string }> {
  const link = await h.stripe.paymentLinks.create({
    line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: amount, product_data: { name: "Job" } } }],
    payment_intent_data: { metadata: { app_invoice_id: "inv_r" } },
  });
  const paid = await h.console("/pay", { payment_link: link.id, card: "4242424242424242" });
  const body = paid.body as { payment_intent: { id: string }; charge: { id: string } };
  return { pi: body.payment_intent.id, charge: body.charge.id };
}

function eventTypes(ids: string[]): string[] {
  return h.sandbox.admin.ctx.store
    .all<StripeEvent>(h.sandbox.platformAccountId, "event")
    .reverse()
    .filter((e) => ids.includes(e.data.object.id))
    .map((e) => e.type);
}

describe("refunds through the official SDK", () => {
  it("refunds part of a payment by PaymentIntent, then the rest by charge, with Stripe's events", async () => {
    const { pi, charge } = await paidIntent();
    const part = await h.stripe.refunds.create({
      payment_intent: pi,
      amount: 2500,
      reason: "requested_by_customer",
      metadata: { note: "partial" },
    });
    expect(part).toMatchObject({
      object: "refund",
      amount: 2500,
      charge,
      payment_intent: pi,
      status: "succeeded",
      reason: "requested_by_customer",
      metadata: { note: "partial" },
      currency: "usd",
    });
    expect(missingFields("refund", part)).toEqual([]);
    expect(await h.stripe.charges.retrieve(charge)).toMatchObject({ amount_refunded: 2500, refunded: false });
    const over = await h.stripe.refunds.create({ charge, amount: 9000 }).catch((e: Stripe.errors.StripeError) => e);
    expect(over).toMatchObject({
      statusCode: 400,
      param: "amount",
      message: "Refund amount ($90.00) is greater than unrefunded amount on charge ($75.00)",
    });
    const rest = await h.stripe.refunds.create({ charge });
    expect(rest.amount).toBe(7500);
    const after = await h.stripe.charges.retrieve(charge, { expand: ["refunds"] });
    expect(after).toMatchObject({ amount_refunded: 10_000, refunded: true });
    expect(after.refunds?.data.map((r) => r.id)).toEqual([rest.id, part.id]);
    const again = await h.stripe.refunds.create({ payment_intent: pi }).catch((e: Stripe.errors.StripeError) => e);
    expect(again).toMatchObject({ statusCode: 400, code: "charge_already_refunded" });
    expect(eventTypes([part.id, rest.id, charge])).toEqual([
      "charge.succeeded",
      "refund.created",
      "charge.refunded",
      "charge.refund.updated",
      "refund.created",
      "charge.refunded",
      "charge.refund.updated",
    ]);
  });

  it("retrieves and lists refunds by charge and by PaymentIntent, auto-paginating", async () => {
    const one = await paidIntent(3000);
    const two = await paidIntent(3000);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await h.stripe.refunds.create({ charge: one.charge, amount: 1000 })).id);
    const other = await h.stripe.refunds.create({ payment_intent: two.pi, amount: 500 });
    expect((await h.stripe.refunds.retrieve(other.id)).amount).toBe(500);
    const byCharge: string[] = [];
    for await (const refund of h.stripe.refunds.list({ charge: one.charge, limit: 2 })) byCharge.push(refund.id);
    expect(byCharge).toEqual([...made].reverse());
    const byPi = await h.stripe.refunds.list({ payment_intent: two.pi });
    expect(byPi.data.map((r) => r.id)).toEqual([other.id]);
  });

  it("refunds from the console and refuses a payment that has not succeeded", async () => {
    const { pi, charge } = await paidIntent(4000);
    const refund = await h.console("/refunds", { payment_intent: pi, amount: 1000 });
    expect(refund.status).toBe(200);
    expect(refund.body).toMatchObject({ object: "refund", amount: 1000, charge });
    const tooMuch = await h.console("/refunds", { charge, amount: 5000 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error).toMatchObject({ param: "amount" });
    const link = await h.stripe.paymentLinks.create({
      line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 800, product_data: { name: "ACH" } } }],
    });
    const pending = (await h.console("/pay", { payment_link: link.id, bank_account: "000123456789" })).body as {
      payment_intent: { id: string };
    };
    const early = await h.stripe.refunds.create({ payment_intent: pending.payment_intent.id }).catch((e) => e);
    expect(early).toMatchObject({ statusCode: 400, param: "payment_intent" });
    const recent = await h.console("/payments");
    const refunds = recent.body.refunds as Array<{ id: string; account: string }>;
    expect(refunds[0]).toMatchObject({ id: (refund.body as { id: string }).id, account: h.sandbox.platformAccountId });
    expect((recent.body.payment_intents as unknown[]).length).toBeGreaterThan(0);
  });
});

import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeHarness, startStripeHarness } from "./harness.ts";

let h: StripeHarness;

beforeAll(async () => {
  h = await startStripeHarness();
});
afterAll(async () => {
  await h.close();
});

function monthlyLink() {
  return h.stripe.paymentLinks.create({
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: "usd",
          unit_amount: 4900,
          product_data: { name: "Retainer" },
          recurring: { interval: "month" },
        },
      },
    ],
    metadata: { app_invoice_id: "inv_s" },
    subscription_data: { metadata: { app_invoice_id: "inv_s", app_workspace_id: "ws_1" } },
  });
}

describe("subscription-mode checkout", () => {
  it("starts a subscription carrying subscription_data.metadata and sets the session's subscription and invoice", async () => {
    const link = await monthlyLink();
    const paid = await h.console("/pay", { payment_link: link.id, card: "4242424242424242", email: "sub@example.com" });
    expect(paid.status).toBe(200);
    const id = (paid.body.checkout_session as { id: string }).id;
    const session = await h.stripe.checkout.sessions.retrieve(id);
    expect(session).toMatchObject({
      mode: "subscription",
      status: "complete",
      payment_status: "paid",
      payment_intent: null,
    });
    expect(session.subscription).toMatch(/^sub_/);
    expect(session.invoice).toMatch(/^in_/);
    expect(session.customer).toMatch(/^cus_/);
    const subscription = await h.stripe.subscriptions.retrieve(session.subscription as string);
    expect(subscription.metadata).toEqual({ app_invoice_id: "inv_s", app_workspace_id: "ws_1" });
    expect(subscription.customer).toBe(session.customer);
    const bySubscription = await h.stripe.checkout.sessions.list({ subscription: subscription.id });
    expect(bySubscription.data.map((s) => s.id)).toEqual([id]);
    const byCustomer = await h.stripe.checkout.sessions.list({ customer: session.customer as string });
    expect(byCustomer.data.map((s) => s.id)).toEqual([id]);
  });

  it("refuses a declined card before any subscription exists, leaving the session open", async () => {
    const link = await monthlyLink();
    const declined = await h.console("/pay", { payment_link: link.id, card: "4000000000000002" });
    expect(declined.status).toBe(402);
    const sessions = await h.stripe.checkout.sessions.list({ payment_link: link.id });
    expect(sessions.data[0]).toMatchObject({
      status: "open",
      subscription: null,
    } satisfies Partial<Stripe.Checkout.Session>);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeHarness, startStripeHarness } from "./harness.ts";
import { DAY_MS, eventTypes } from "./subscriptions-setup.ts";

let h: StripeHarness;

beforeAll(async () => {
  h = await startStripeHarness();
});
afterAll(async () => {
  await h.close();
});

async function subscriptionLink(metadata: Record<string, string>) {
  const price = await h.stripe.prices.create({
    currency: "usd",
    unit_amount: 25_00,
    recurring: { interval: "week" },
    product_data: { name: "Weekly care plan" },
  });
  return h.stripe.paymentLinks.create({
    line_items: [{ price: price.id, quantity: 2 }],
    metadata,
    subscription_data: { metadata },
  });
}

describe("a subscription payment link paid end to end", () => {
  it("subscribes the payer, bills the first week, and renews weekly with the link's metadata", async () => {
    const link = await subscriptionLink({ settle_invoice_id: "inv_77" });
    const paid = await h.console("/pay", { payment_link: link.id, card: "4242424242424242", email: "p@example.com" });
    expect(paid.status).toBe(200);
    const session = await h.stripe.checkout.sessions.retrieve((paid.body.checkout_session as { id: string }).id);
    expect(session).toMatchObject({ mode: "subscription", status: "complete", payment_status: "paid" });
    const sub = await h.stripe.subscriptions.retrieve(session.subscription as string);
    expect(sub).toMatchObject({
      status: "active",
      metadata: { settle_invoice_id: "inv_77" },
      customer: session.customer,
      latest_invoice: session.invoice,
    });
    expect(sub.default_payment_method).toMatch(/^pm_/);
    expect(sub.items.data[0]).toMatchObject({ quantity: 2, price: { recurring: { interval: "week" } } });
    const first = await h.stripe.invoices.retrieve(session.invoice as string);
    expect(first).toMatchObject({ billing_reason: "subscription_create", status: "paid", amount_paid: 5000 });
    expect(first.parent?.subscription_details?.metadata).toEqual({ settle_invoice_id: "inv_77" });
    const types = eventTypes(h);
    expect(types.indexOf("invoice.paid")).toBeLessThan(types.indexOf("checkout.session.completed"));

    h.sandbox.admin.advanceClock(15 * DAY_MS);
    const invoices = await h.stripe.invoices.list({ subscription: sub.id });
    expect(invoices.data.map((i) => i.billing_reason)).toEqual([
      "subscription_cycle",
      "subscription_cycle",
      "subscription_create",
    ]);
    expect(invoices.data.every((i) => i.status === "paid" && i.amount_paid === 5000)).toBe(true);
  });

  it("sends checkout.session.completed first when the console asks for that order", async () => {
    expect((await h.console("/subscriptions/event-order", { order: "session_first" })).status).toBe(200);
    const link = await subscriptionLink({ settle_invoice_id: "inv_78" });
    const paid = await h.console("/pay", { payment_link: link.id, card: "4242424242424242" });
    expect(paid.status).toBe(200);
    const sessionId = (paid.body.checkout_session as { id: string }).id;
    const types = eventTypes(h).slice(-12);
    const completed = types.lastIndexOf("checkout.session.completed");
    expect(completed).toBeGreaterThanOrEqual(0);
    expect(types.lastIndexOf("invoice.paid")).toBeGreaterThan(completed);
    const session = await h.stripe.checkout.sessions.retrieve(sessionId);
    expect(session.payment_status).toBe("paid");
    await h.console("/subscriptions/event-order", { order: "invoice_first" });
  });

  it("a bank-debit subscription completes unpaid and settles on the clock", async () => {
    const link = await subscriptionLink({ settle_invoice_id: "inv_79" });
    const paid = await h.console("/pay", { payment_link: link.id, bank_account: "000123456789" });
    expect(paid.status).toBe(200);
    const sessionId = (paid.body.checkout_session as { id: string }).id;
    const session = await h.stripe.checkout.sessions.retrieve(sessionId);
    expect(session.payment_status).toBe("unpaid");
    expect((await h.stripe.invoices.retrieve(session.invoice as string)).status).toBe("open");
    h.sandbox.admin.advanceClock(3 * DAY_MS + 1000);
    expect((await h.stripe.invoices.retrieve(session.invoice as string)).status).toBe("paid");
    expect((await h.stripe.checkout.sessions.retrieve(sessionId)).payment_status).toBe("paid");
    expect(eventTypes(h, sessionId)).toContain("checkout.session.async_payment_succeeded");
  });
});

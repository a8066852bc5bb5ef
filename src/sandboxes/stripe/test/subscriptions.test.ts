import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeHarness, startStripeHarness } from "./harness.ts";
import { DAY_MS, events, eventTypes, subscribe } from "./subscriptions-setup.ts";

let h: StripeHarness;
// 31 January, 10:00 UTC: monthly renewals clamp to the end of shorter months.
const START = Date.UTC(2027, 0, 31, 10, 0, 0);
const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

beforeAll(async () => {
  h = await startStripeHarness({ now: () => new Date(START) });
});
afterAll(async () => {
  await h.close();
});

describe("subscriptions renewed on the sandbox clock", () => {
  it("bills several periods when the clock jumps, clamping month ends like Stripe", async () => {
    const started = await subscribe(h, { metadata: { settle_invoice_id: "inv_42" } });
    const sub = await h.stripe.subscriptions.retrieve(started.subscriptionId);
    expect(sub).toMatchObject({ status: "active", customer: started.customerId, latest_invoice: started.invoiceId });
    expect(sub.items.data[0]).toMatchObject({
      current_period_start: at("2027-01-31T10:00:00Z"),
      current_period_end: at("2027-02-28T10:00:00Z"),
      price: { id: started.price.id, recurring: { interval: "month", interval_count: 1 } },
    });
    const now = h.sandbox.admin.ctx.clock.nowMs();
    h.sandbox.admin.advanceClock(Date.UTC(2027, 4, 1) - now);
    const renewed = await h.stripe.subscriptions.retrieve(started.subscriptionId);
    expect(renewed.items.data[0]).toMatchObject({
      current_period_start: at("2027-04-30T10:00:00Z"),
      current_period_end: at("2027-05-31T10:00:00Z"),
    });
    const invoices = await h.stripe.invoices.list({ subscription: started.subscriptionId });
    expect(invoices.data.map((i) => [i.billing_reason, i.status, i.amount_paid])).toEqual([
      ["subscription_cycle", "paid", 4900],
      ["subscription_cycle", "paid", 4900],
      ["subscription_cycle", "paid", 4900],
      ["subscription_create", "paid", 4900],
    ]);
    expect(invoices.data.map((i) => i.lines.data[0]?.period.start)).toEqual(
      ["2027-04-30", "2027-03-31", "2027-02-28", "2027-01-31"].map((d) => at(`${d}T10:00:00Z`)),
    );
    expect(renewed.latest_invoice).toBe(invoices.data[0]?.id);
    for (const invoice of invoices.data) {
      expect(invoice.parent?.subscription_details).toEqual({
        subscription: started.subscriptionId,
        metadata: { settle_invoice_id: "inv_42" },
      });
    }
    const cycle = eventTypes(h, started.subscriptionId).filter(
      (t) => t.startsWith("invoice.") || t.startsWith("customer."),
    );
    expect(cycle.slice(0, 6)).toEqual([
      "customer.subscription.created",
      "invoice.created",
      "invoice.finalized",
      "invoice.paid",
      "invoice.payment_succeeded",
      "customer.subscription.updated",
    ]);
    expect(cycle.filter((t) => t === "invoice.paid")).toHaveLength(4);
    const updated = events(h, started.subscriptionId).find((e) => e.type === "customer.subscription.updated");
    const previousItems = updated?.data.previous_attributes?.items as Stripe.ApiList<Stripe.SubscriptionItem>;
    expect(previousItems.data[0]?.current_period_end).toBe(at("2027-02-28T10:00:00Z"));
  });

  it("advances weekly, daily and yearly prices by interval × interval_count", async () => {
    const fortnightly = await subscribe(h, { recurring: { interval: "week", interval_count: 2 } });
    const daily = await subscribe(h, { recurring: { interval: "day", interval_count: 3 } });
    const yearly = await subscribe(h, { recurring: { interval: "year" } });
    const begin = Math.floor(h.sandbox.admin.ctx.clock.nowMs() / 1000);
    h.sandbox.admin.advanceClock(29 * DAY_MS);
    const periodEnd = async (id: string) =>
      (await h.stripe.subscriptions.retrieve(id)).items.data[0]?.current_period_end;
    expect(await periodEnd(fortnightly.subscriptionId)).toBe(begin + 42 * 86_400);
    expect(await periodEnd(daily.subscriptionId)).toBe(begin + 30 * 86_400);
    expect((await h.stripe.invoices.list({ subscription: daily.subscriptionId, limit: 100 })).data).toHaveLength(10);
    const nextYear = new Date(begin * 1000);
    nextYear.setUTCFullYear(nextYear.getUTCFullYear() + 1);
    expect(await periodEnd(yearly.subscriptionId)).toBe(nextYear.getTime() / 1000);
    expect((await h.stripe.invoices.list({ subscription: yearly.subscriptionId })).data).toHaveLength(1);
  });

  it("cancels at period end, or at once with DELETE", async () => {
    const later = await subscribe(h);
    const scheduled = await h.stripe.subscriptions.update(later.subscriptionId, {
      cancel_at_period_end: true,
      metadata: { note: "leaving" },
    });
    const end = scheduled.items.data[0]?.current_period_end ?? 0;
    expect(scheduled).toMatchObject({ cancel_at_period_end: true, cancel_at: end, status: "active" });
    expect(scheduled.metadata).toEqual({ settle_invoice_id: "inv_1", note: "leaving" });
    const update = events(h, later.subscriptionId).findLast((e) => e.type === "customer.subscription.updated");
    expect(update?.data.previous_attributes).toMatchObject({
      cancel_at_period_end: false,
      metadata: { settle_invoice_id: "inv_1" },
    });
    h.sandbox.admin.advanceClock(end * 1000 - h.sandbox.admin.ctx.clock.nowMs() + 1000);
    const ended = await h.stripe.subscriptions.retrieve(later.subscriptionId);
    expect(ended).toMatchObject({ status: "canceled", ended_at: end });
    expect(eventTypes(h, later.subscriptionId)).toContain("customer.subscription.deleted");
    expect((await h.stripe.invoices.list({ subscription: later.subscriptionId })).data).toHaveLength(1);

    const now = await subscribe(h);
    const canceled = await h.stripe.subscriptions.cancel(now.subscriptionId, {
      cancellation_details: { comment: "Paid off", feedback: "unused" },
    });
    expect(canceled).toMatchObject({
      status: "canceled",
      cancellation_details: { comment: "Paid off", feedback: "unused", reason: "cancellation_requested" },
    });
    expect(canceled.canceled_at).toBe(canceled.ended_at);
    const again = await h.stripe.subscriptions.cancel(now.subscriptionId).catch((e: Stripe.errors.StripeError) => e);
    expect(again).toMatchObject({ statusCode: 404 });
    const refused = await h.stripe.subscriptions
      .update(now.subscriptionId, { cancel_at_period_end: true })
      .catch((e: Stripe.errors.StripeError) => e);
    expect(refused).toMatchObject({ statusCode: 400, param: "cancel_at_period_end" });
    h.sandbox.admin.advanceClock(40 * DAY_MS);
    expect((await h.stripe.invoices.list({ subscription: now.subscriptionId })).data).toHaveLength(1);
  });

  it("lists by customer, price and status, leaving canceled ones out unless asked", async () => {
    const kept = await subscribe(h);
    const gone = await subscribe(h);
    await h.stripe.subscriptions.cancel(gone.subscriptionId);
    const byCustomer = await h.stripe.subscriptions.list({ customer: gone.customerId });
    expect(byCustomer.data).toEqual([]);
    const all = await h.stripe.subscriptions.list({ customer: gone.customerId, status: "all" });
    expect(all.data.map((s) => s.id)).toEqual([gone.subscriptionId]);
    const canceled = await h.stripe.subscriptions.list({ status: "canceled", limit: 100 });
    expect(canceled.data.every((s) => s.status === "canceled")).toBe(true);
    const byPrice = await h.stripe.subscriptions.list({ price: kept.price.id });
    expect(byPrice.data.map((s) => s.id)).toEqual([kept.subscriptionId]);
    const active = await h.stripe.subscriptions.list({ status: "active", limit: 100 });
    expect(active.data.map((s) => s.id)).toContain(kept.subscriptionId);
    const bad = await h.stripe.subscriptions
      .list({ status: "lapsed" as "all" })
      .catch((e: Stripe.errors.StripeError) => e);
    expect(bad).toMatchObject({ statusCode: 400, param: "status" });
    const missing = await h.stripe.subscriptions.retrieve("sub_nothing").catch((e: Stripe.errors.StripeError) => e);
    expect(missing).toMatchObject({ statusCode: 404, message: "No such subscription: 'sub_nothing'" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorize, createAccount } from "../connect/connected-accounts.ts";
import type { StripeEvent } from "../events/event-bus.ts";
import { type StripeHarness, startStripeHarness } from "./harness.ts";

let h: StripeHarness;
let acct: string;

beforeAll(async () => {
  h = await startStripeHarness();
  // A Standard account that approved the platform, as Connect OAuth leaves it.
  acct = createAccount(h.sandbox.admin.ctx, "Harbour Plumbing <Ltd>");
  authorize(h.sandbox.admin.ctx, acct, "read_write");
});
afterAll(async () => {
  await h.close();
});

describe("payments on a connected account (Stripe-Account)", () => {
  it("takes the payment on the link's account, names it on the page and records its events there", async () => {
    const on = { stripeAccount: acct };
    const link = await h.stripe.paymentLinks.create(
      {
        line_items: [
          { quantity: 1, price_data: { currency: "nzd", unit_amount: 45_000, product_data: { name: "Call-out" } } },
        ],
        metadata: { app_invoice_id: "inv_c" },
        payment_intent_data: { metadata: { app_invoice_id: "inv_c" } },
      },
      on,
    );
    const opened = await fetch(link.url);
    const page = await opened.text();
    expect(page).toContain("Harbour Plumbing &#60;Ltd&#62;");
    expect(page).toContain("NZ$450.00");
    const paid = await h.console("/pay", { payment_link: link.id, card: "5555555555554444" });
    expect(paid.status).toBe(200);
    expect(paid.body.account).toBe(acct);
    const sessions = await h.stripe.checkout.sessions.list({ payment_link: link.id, status: "complete" }, on);
    const session = sessions.data[0];
    expect(session?.metadata).toEqual({ app_invoice_id: "inv_c" });
    const pi = await h.stripe.paymentIntents.retrieve(session?.payment_intent as string, {}, on);
    expect(pi.metadata).toEqual({ app_invoice_id: "inv_c" });
    const elsewhere = await h.stripe.paymentIntents.retrieve(pi.id).catch((e) => e);
    expect(elsewhere).toMatchObject({ statusCode: 404, code: "resource_missing" });
    const refund = await h.stripe.refunds.create({ payment_intent: pi.id, amount: 5_000 }, on);
    expect(refund.amount).toBe(5_000);
    const events = h.sandbox.admin.ctx.store.all<StripeEvent>(acct, "event").reverse();
    const types = events.filter((e) => [pi.id, session?.id, refund.id].includes(e.data.object.id)).map((e) => e.type);
    expect(types).toEqual([
      "payment_intent.created",
      "payment_intent.succeeded",
      "checkout.session.completed",
      "refund.created",
      "charge.refund.updated",
    ]);
    expect(events.every((e) => e.account === acct)).toBe(true);
    expect(
      h.sandbox.admin.ctx.store
        .all<StripeEvent>(h.sandbox.platformAccountId, "event")
        .some((e) => e.data.object.id === pi.id),
    ).toBe(false);
  });
});

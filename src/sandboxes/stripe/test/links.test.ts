import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeHarness, startStripeHarness } from "./harness.ts";
import { missingFields } from "./shapes.ts";

let h: StripeHarness;

beforeAll(async () => {
  h = await startStripeHarness();
});
afterAll(async () => {
  await h.close();
});

function invoiceLink(extra: Partial<Stripe.PaymentLinkCreateParams> = {}) {
  return h.stripe.paymentLinks.create({
    line_items: [
      { quantity: 1, price_data: { currency: "usd", unit_amount: 1234, product_data: { name: "Invoice INV-1" } } },
    ],
    metadata: { app_invoice_id: "inv_1" },
    payment_intent_data: { metadata: { app_invoice_id: "inv_1", app_workspace_id: "ws_1" } },
    ...extra,
  });
}

describe("payment links through the official SDK", () => {
  it("creates a link from price_data with Stripe's shape, its URL on the hosted checkout", async () => {
    const link = await invoiceLink({
      restrictions: { completed_sessions: { limit: 1 } },
      inactive_message: "Invoice INV-1 is already paid.",
      after_completion: {
        type: "redirect",
        redirect: { url: "https://app.example/pay/return?cs={CHECKOUT_SESSION_ID}" },
      },
    });
    expect(link.id).toMatch(/^plink_/);
    expect(link.url).toMatch(new RegExp(`^${h.sandbox.urls.checkout_url}/pay/test_[A-Za-z0-9]+$`));
    expect(link).toMatchObject({
      active: true,
      currency: "usd",
      metadata: { app_invoice_id: "inv_1" },
      restrictions: { completed_sessions: { count: 0, limit: 1 } },
      inactive_message: "Invoice INV-1 is already paid.",
      after_completion: {
        type: "redirect",
        redirect: { url: "https://app.example/pay/return?cs={CHECKOUT_SESSION_ID}" },
      },
      subscription_data: null,
    });
    expect(link.payment_intent_data?.metadata).toEqual({ app_invoice_id: "inv_1", app_workspace_id: "ws_1" });
    // A redirect link has no hosted_confirmation; the fixture's metadata key is only an example.
    expect(
      missingFields("payment_link", link, [
        "after_completion.hosted_confirmation",
        "payment_intent_data.metadata.undefined",
      ]),
    ).toEqual([]);
  });

  it("lists the link's line items with their inline price and product", async () => {
    const link = await invoiceLink();
    const items = await h.stripe.paymentLinks.listLineItems(link.id);
    expect(items.data).toHaveLength(1);
    const item = items.data[0] as Stripe.LineItem;
    expect(item).toMatchObject({
      object: "item",
      quantity: 1,
      amount_total: 1234,
      currency: "usd",
      description: "Invoice INV-1",
    });
    expect(item.price?.unit_amount).toBe(1234);
    expect(item.price?.active).toBe(false);
    const expanded = await h.stripe.paymentLinks.retrieve(link.id, { expand: ["line_items"] });
    expect(expanded.line_items?.data[0]?.id).toBe(item.id);
  });

  it("takes a catalogue price and recurring price_data with subscription_data", async () => {
    const price = await h.stripe.prices.create({ currency: "usd", unit_amount: 500, product_data: { name: "Widget" } });
    const link = await h.stripe.paymentLinks.create({ line_items: [{ price: price.id, quantity: 3 }] });
    expect((await h.stripe.paymentLinks.listLineItems(link.id)).data[0]?.amount_total).toBe(1500);
    const monthly = await h.stripe.paymentLinks.create({
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: "usd",
            unit_amount: 99_00,
            product_data: { name: "Retainer" },
            recurring: { interval: "month" },
          },
        },
      ],
      subscription_data: { metadata: { app_invoice_id: "inv_2" } },
    });
    expect(monthly.subscription_data?.metadata).toEqual({ app_invoice_id: "inv_2" });
    expect(monthly.payment_intent_data).toBeNull();
  });

  it("refuses subscription_data without a recurring item, and a price change on update", async () => {
    const bad = await invoiceLink({ subscription_data: { metadata: { a: "b" } } }).catch((e) => e);
    expect(bad).toMatchObject({ statusCode: 400, param: "subscription_data" });
    const link = await invoiceLink();
    const item = (await h.stripe.paymentLinks.listLineItems(link.id)).data[0] as Stripe.LineItem;
    const changed = await h.stripe.paymentLinks
      .update(link.id, {
        line_items: [{ id: item.id, price: "price_other" }],
      } as unknown as Stripe.PaymentLinkUpdateParams)
      .catch((e: Stripe.errors.StripeError) => e);
    expect(changed).toMatchObject({ statusCode: 400, param: "line_items[0][price]" });
    const quantity = await h.stripe.paymentLinks.update(link.id, { line_items: [{ id: item.id, quantity: 2 }] });
    expect(quantity.id).toBe(link.id);
    expect((await h.stripe.paymentLinks.listLineItems(link.id)).data[0]?.amount_total).toBe(2468);
  });

  it("updates settings: deactivates, replaces payment_intent_data metadata, sets restrictions", async () => {
    const link = await invoiceLink();
    const updated = await h.stripe.paymentLinks.update(link.id, {
      active: false,
      inactive_message: "Paid already",
      payment_intent_data: { metadata: { app_invoice_id: "inv_9" } },
      restrictions: { completed_sessions: { limit: 2 } },
    });
    expect(updated).toMatchObject({
      active: false,
      inactive_message: "Paid already",
      restrictions: { completed_sessions: { count: 0, limit: 2 } },
    });
    expect(updated.payment_intent_data?.metadata).toEqual({ app_invoice_id: "inv_9" });
    const inactive = await h.stripe.paymentLinks.list({ active: false, limit: 100 });
    expect(inactive.data.map((l) => l.id)).toContain(link.id);
    expect(inactive.data.every((l) => !l.active)).toBe(true);
  });

  it("creates a link once for a repeated idempotency key, and refuses an inline price as `price`", async () => {
    const key = `plink:ws_1:inv_1:${Date.now()}`;
    const params: Stripe.PaymentLinkCreateParams = {
      line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 700, product_data: { name: "Once" } } }],
    };
    const first = await h.stripe.paymentLinks.create(params, { idempotencyKey: key });
    const again = await h.stripe.paymentLinks.create(params, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    const other = await h.stripe.paymentLinks.create(params);
    expect(other.id).not.toBe(first.id);
    // A price made inline from price_data is inactive, so it cannot be named as `price` elsewhere.
    const inline = (await h.stripe.paymentLinks.listLineItems(first.id)).data[0]?.price?.id ?? "";
    const reuse = await h.stripe.paymentLinks
      .create({ line_items: [{ price: inline, quantity: 1 }] })
      .catch((e: Stripe.errors.StripeError) => e);
    expect(reuse).toMatchObject({ statusCode: 400, param: "line_items[0][price]" });
  });

  it("pages links and auto-paginates", async () => {
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await invoiceLink({ metadata: { page: String(i) } })).id);
    const seen: string[] = [];
    for await (const link of h.stripe.paymentLinks.list({ limit: 3 })) seen.push(link.id);
    expect(seen.slice(0, 7)).toEqual([...made].reverse());
  });
});

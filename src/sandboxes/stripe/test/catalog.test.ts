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

describe("products and prices through the official SDK", () => {
  it("creates, reads, updates and lists products with Stripe's shape", async () => {
    const product = await h.stripe.products.create({ name: "Design sprint", metadata: { sku: "ds-1" } });
    expect(product.id).toMatch(/^prod_/);
    expect(missingFields("product", product, ["package_dimensions.height"])).toEqual([]);
    const updated = await h.stripe.products.update(product.id, { description: "Two weeks", metadata: { sku: "" } });
    expect(updated.description).toBe("Two weeks");
    expect(updated.metadata).toEqual({});
    const fetched = await h.stripe.products.retrieve(product.id);
    expect(fetched.name).toBe("Design sprint");
  });

  it("creates one-time and recurring prices, inline product data included", async () => {
    const oneTime = await h.stripe.prices.create({
      currency: "NZD",
      unit_amount: 125_00,
      product_data: { name: "Workshop" },
    });
    expect(oneTime).toMatchObject({ type: "one_time", currency: "nzd", unit_amount: 12500, recurring: null });
    expect(missingFields("price", oneTime, ["transform_quantity.divide_by", "custom_unit_amount.maximum"])).toEqual([]);
    const monthly = await h.stripe.prices.create({
      currency: "usd",
      unit_amount: 99_00,
      product: oneTime.product as string,
      recurring: { interval: "week", interval_count: 2 },
    });
    expect(monthly.recurring).toMatchObject({ interval: "week", interval_count: 2 });
    expect(missingFields("price", monthly, ["transform_quantity", "custom_unit_amount"])).toEqual([]);
  });

  it("refuses bad input the way Stripe does, naming the parameter", async () => {
    const error = await h.stripe.prices
      .create({
        currency: "usd",
        unit_amount: 100,
        product_data: { name: "X" },
        recurring: { interval: "fortnight" as "week" },
      })
      .catch((e: Stripe.errors.StripeError) => e);
    expect(error).toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
      param: "recurring[interval]",
    });
    expect((error as Error).message).toBe("Invalid recurring[interval]: must be one of day, week, month, or year");
    const missing = await h.stripe.prices.retrieve("price_nothing").catch((e: Stripe.errors.StripeError) => e);
    expect(missing).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      message: "No such price: 'price_nothing'",
    });
    const unknown = await h.stripe.products
      .create({ name: "X", colour: "red" } as Stripe.ProductCreateParams)
      .catch((e: Stripe.errors.StripeError) => e);
    expect(unknown).toMatchObject({ statusCode: 400, param: "colour", message: "Received unknown parameter: colour" });
  });

  it("pages lists newest first and auto-paginates with starting_after", async () => {
    const made: string[] = [];
    for (let i = 0; i < 12; i++) made.push((await h.stripe.products.create({ name: `Paged ${i}` })).id);
    const first = await h.stripe.products.list({ limit: 5 });
    expect(first.data).toHaveLength(5);
    expect(first.has_more).toBe(true);
    expect(first.data[0]?.id).toBe(made[11]);
    const all: string[] = [];
    for await (const product of h.stripe.products.list({ limit: 4 })) all.push(product.id);
    expect(all.slice(0, 12)).toEqual([...made].reverse());
    const previous = await h.stripe.products.list({ limit: 2, ending_before: made[5] });
    expect(previous.data.map((p) => p.id)).toEqual([made[7], made[6]]);
  });

  it("rejects a wrong key and an account the key cannot reach", async () => {
    const wrong = await h
      .client({})
      .products.list({}, { apiKey: "sk_test_wrong" })
      .catch((e) => e);
    expect(wrong).toMatchObject({ type: "StripeAuthenticationError", statusCode: 401 });
    const other = await h.stripe.products.list({}, { stripeAccount: "acct_nobody" }).catch((e) => e);
    expect(other).toMatchObject({ statusCode: 403, code: "account_invalid" });
  });
});

describe("idempotency and rate limits", () => {
  it("replays the first answer for a repeated key and refuses the key with other parameters", async () => {
    const key = `key-${Date.now()}`;
    const first = await h.stripe.products.create({ name: "Once" }, { idempotencyKey: key });
    const again = await h.stripe.products.create({ name: "Once" }, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    const changed = await h.stripe.products.create({ name: "Twice" }, { idempotencyKey: key }).catch((e) => e);
    expect(changed).toMatchObject({ type: "StripeIdempotencyError", statusCode: 400 });
  });

  it("answers 429 rate_limit with Stripe-Should-Retry beyond 25 requests a second", async () => {
    const limited = await startStripeHarness({ limits: { perSecond: 25 } });
    try {
      const results = await Promise.all(
        Array.from({ length: 40 }, () =>
          limited.stripe.products.list({ limit: 1 }).then(
            () => 200,
            (e: Stripe.errors.StripeError) => `${e.statusCode} ${e.code} ${e.headers?.["stripe-should-retry"]}`,
          ),
        ),
      );
      expect(results.filter((s) => s === 200)).toHaveLength(25);
      expect(results.filter((s) => s === "429 rate_limit true")).toHaveLength(15);
      // The SDK itself backs off and retries on Stripe-Should-Retry, so a patient client gets through.
      const patient = limited.client({ maxNetworkRetries: 3 });
      await expect(patient.products.list({ limit: 1 })).resolves.toMatchObject({ object: "list" });
    } finally {
      await limited.close();
    }
  });
});

import { Hono } from "hono";
import { type ApiEnv, listUrl } from "../api/env.ts";
import { nowSeconds, type StripeSandboxContext } from "../context.ts";
import { invalidRequest, missingParam } from "../core/errors.ts";
import { expand } from "../core/expand.ts";
import { newId } from "../core/ids.ts";
import { LIST_PARAMS, pageOf } from "../core/list.ts";
import { mergeMetadata, type Params } from "../core/params.ts";
import type { StripeObject } from "../state/types.ts";
import { createProduct } from "./products.ts";

export type Interval = "day" | "week" | "month" | "year";
export const INTERVALS: readonly Interval[] = ["day", "week", "month", "year"];

export interface PriceObject extends StripeObject {
  object: "price";
  active: boolean;
  created: number;
  currency: string;
  metadata: Record<string, string>;
  product: string;
  recurring: null | {
    interval: Interval;
    interval_count: number;
    meter: null;
    trial_period_days: number | null;
    usage_type: "licensed";
  };
  type: "one_time" | "recurring";
  unit_amount: number | null;
  unit_amount_decimal: string | null;
}

/** `interval_count` may cover at most three years. */
const MAX_INTERVALS: Record<Interval, number> = { day: 1095, week: 156, month: 36, year: 3 };

export function priceRoutes(ctx: StripeSandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post("/prices", (c) => {
    const params = c.get("params");
    const price = createPrice(ctx, c.get("account"), params);
    return c.json(expand(ctx.store, c.get("account"), price, params.strings("expand")));
  });

  app.get("/prices/:id", (c) => {
    const price = ctx.store.get<PriceObject>(c.get("account"), c.req.param("id"), "price");
    return c.json(expand(ctx.store, c.get("account"), price, c.get("params").strings("expand")));
  });

  app.post("/prices/:id", (c) => {
    const account = c.get("account");
    const price = ctx.store.get<PriceObject>(account, c.req.param("id"), "price");
    const params = c.get("params").only("active", "metadata", "nickname", "lookup_key", "tax_behavior", "expand");
    const previous = { active: price.active, metadata: price.metadata };
    const active = params.boolean("active");
    if (active !== undefined) price.active = active;
    for (const key of ["nickname", "lookup_key"] as const) {
      const value = params.string(key);
      if (value !== undefined) price[key] = value || null;
    }
    price.metadata = mergeMetadata(price.metadata, params.metadata());
    ctx.store.changed();
    ctx.events.emit(account, "price.updated", price, { previous });
    return c.json(expand(ctx.store, account, price, params.strings("expand")));
  });

  app.get("/prices", (c) => {
    const params = c
      .get("params")
      .only(...LIST_PARAMS, "active", "currency", "product", "type", "lookup_keys", "recurring");
    const active = params.boolean("active");
    const currency = params.string("currency");
    const product = params.string("product");
    const type = params.oneOf("type", ["one_time", "recurring"] as const);
    const items = ctx.store
      .all<PriceObject>(c.get("account"), "price")
      .filter((price) => active === undefined || price.active === active)
      .filter((price) => !currency || price.currency === currency.toLowerCase())
      .filter((price) => !product || price.product === product)
      .filter((price) => !type || price.type === type);
    return c.json(pageOf(items, params, listUrl(c)));
  });

  return app;
}

/**
 * A Price from `POST /v1/prices` params, or from `price_data` (payment links, `default_price_data`), where
 * `product` is given by the caller. Amounts are integers in the currency's minor unit.
 */
export function createPrice(
  ctx: StripeSandboxContext,
  account: string,
  params: Params,
  forProduct?: string,
  options: { inline?: boolean } = {},
): PriceObject {
  const allowed = ["currency", "unit_amount", "unit_amount_decimal", "recurring", "metadata", "tax_behavior"];
  if (!forProduct) allowed.push("product", "product_data", "active", "nickname", "lookup_key", "expand");
  params.only(...allowed);
  const currency = params.requiredString("currency").toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) {
    throw invalidRequest(
      `Invalid currency: ${currency}. Stripe currently supports these currencies: usd, eur, gbp, nzd, aud, jpy, …`,
      params.name("currency"),
    );
  }
  const productId = forProduct ?? productFor(ctx, account, params);
  const unitAmount = params.integer("unit_amount", { min: 0, max: 99_999_999_999 });
  const decimal = params.string("unit_amount_decimal");
  if (unitAmount === undefined && decimal === undefined) {
    throw invalidRequest(
      "You must pass either `unit_amount`, `unit_amount_decimal`, or `custom_unit_amount`.",
      params.name("unit_amount"),
    );
  }
  if (decimal !== undefined && !/^\d+(\.\d{1,12})?$/.test(decimal)) {
    throw invalidRequest(`Invalid decimal: ${decimal}`, params.name("unit_amount_decimal"));
  }
  const recurring = readRecurring(params);
  const now = nowSeconds(ctx);
  const price: PriceObject = {
    id: newId("price"),
    object: "price",
    active: options.inline ? false : (params.boolean("active") ?? true),
    billing_scheme: "per_unit",
    created: now,
    currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: params.string("lookup_key") ?? null,
    metadata: params.metadata() ?? {},
    nickname: params.string("nickname") ?? null,
    product: productId,
    recurring,
    tax_behavior: params.oneOf("tax_behavior", ["exclusive", "inclusive", "unspecified"] as const) ?? "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? "recurring" : "one_time",
    unit_amount: unitAmount ?? Math.round(Number(decimal)),
    unit_amount_decimal: decimal ?? String(unitAmount),
  };
  ctx.store.insert(account, price);
  if (!options.inline) ctx.events.emit(account, "price.created", price);
  return price;
}

function productFor(ctx: StripeSandboxContext, account: string, params: Params): string {
  const product = params.string("product");
  const productData = params.object("product_data");
  if (product && productData) {
    throw invalidRequest(
      "You may only specify one of these parameters: product, product_data.",
      params.name("product"),
    );
  }
  if (product) return ctx.store.get(account, product, "product", params.name("product")).id;
  if (productData) {
    productData.only(
      "name",
      "active",
      "metadata",
      "statement_descriptor",
      "tax_code",
      "unit_label",
      "id",
      "description",
      "images",
    );
    return createProduct(ctx, account, productData).id;
  }
  throw missingParam(params.name("product"));
}

function readRecurring(params: Params): PriceObject["recurring"] {
  const recurring = params.object("recurring");
  if (!recurring) return null;
  recurring.only("interval", "interval_count", "usage_type", "trial_period_days", "meter", "aggregate_usage");
  const interval = recurring.oneOf("interval", INTERVALS);
  if (!interval) throw missingParam(recurring.name("interval"));
  const count = recurring.integer("interval_count", { min: 1 }) ?? 1;
  if (count > MAX_INTERVALS[interval]) {
    throw invalidRequest(
      `The maximum billing interval is 3 years (${MAX_INTERVALS[interval]} ${interval}s).`,
      recurring.name("interval_count"),
    );
  }
  return {
    interval,
    interval_count: count,
    meter: null,
    trial_period_days: recurring.integer("trial_period_days") ?? null,
    usage_type: "licensed",
  };
}

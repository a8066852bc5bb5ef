import type { StripeSandboxContext } from "../context.ts";
import { invalidRequest, missingParam } from "../core/errors.ts";
import { newId } from "../core/ids.ts";
import { Params } from "../core/params.ts";
import { createPrice, type PriceObject } from "../resources/prices.ts";
import { createProduct, type ProductObject } from "../resources/products.ts";
import type { StripeObject } from "../state/types.ts";

/** Stripe's `item` object: a line of a payment link or checkout session, with its price in full. */
export interface LineItem extends StripeObject {
  object: "item";
  amount_discount: number;
  amount_subtotal: number;
  amount_tax: number;
  amount_total: number;
  currency: string;
  description: string | null;
  price: PriceObject;
  quantity: number;
}

/** Where the sandbox keeps an object's line items: not part of the object's wire JSON. */
interface LineItemSet extends StripeObject {
  object: "sandbox.line_items";
  data: LineItem[];
}

const MAX_LINE_ITEMS = 20;

/**
 * `line_items[]` of a payment link or session: each `{price | price_data, quantity}`. `price_data` makes an
 * inline Price (and a Product from `product_data`) as Stripe does. All items must share one currency.
 */
export function parseLineItems(ctx: StripeSandboxContext, account: string, params: Params): LineItem[] {
  const items = params.objects("line_items");
  if (!items || items.length === 0) throw missingParam("line_items");
  if (items.length > MAX_LINE_ITEMS) {
    throw invalidRequest(`You may only specify up to ${MAX_LINE_ITEMS} line items.`, "line_items");
  }
  const made = items.map((item) => {
    item.only("price", "price_data", "quantity", "adjustable_quantity");
    const quantity = item.integer("quantity", { min: 1, max: 999_999 }) ?? 1;
    const priceId = item.string("price");
    const priceData = item.object("price_data");
    if (priceId && priceData) {
      throw invalidRequest("You may only specify one of these parameters: price, price_data.", item.name("price"));
    }
    let price: PriceObject;
    if (priceId) {
      price = ctx.store.get<PriceObject>(account, priceId, "price", item.name("price"));
      if (!price.active) {
        throw invalidRequest(
          `The price specified is inactive. This field only accepts active prices.`,
          item.name("price"),
        );
      }
    } else if (priceData) price = inlinePrice(ctx, account, priceData);
    else throw missingParam(item.name("price"));
    return lineItemFor(ctx, account, price, quantity);
  });
  const currencies = new Set(made.map((item) => item.currency));
  if (currencies.size > 1) {
    throw invalidRequest("All prices on a payment must use the same currency.", "line_items");
  }
  return made;
}

function inlinePrice(ctx: StripeSandboxContext, account: string, priceData: Params): PriceObject {
  const { product, product_data: productData, ...rest } = priceData.raw;
  let productId: string;
  if (product !== undefined && productData !== undefined) {
    throw invalidRequest(
      "You may only specify one of these parameters: product, product_data.",
      priceData.name("product"),
    );
  }
  if (typeof product === "string" && product) {
    productId = ctx.store.get(account, product, "product", priceData.name("product")).id;
  } else if (productData !== undefined) {
    const data = priceData.object("product_data") as Params;
    data.only("name", "description", "images", "metadata", "tax_code", "unit_label");
    productId = createProduct(ctx, account, data).id;
  } else throw missingParam(priceData.name("product"));
  return createPrice(ctx, account, new Params(rest, priceData.path), productId, { inline: true });
}

export function lineItemFor(
  ctx: StripeSandboxContext,
  account: string,
  price: PriceObject,
  quantity: number,
): LineItem {
  const product = ctx.store.find<ProductObject>(account, price.product, "product");
  const amount = (price.unit_amount ?? 0) * quantity;
  return {
    id: newId("li"),
    object: "item",
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: price.currency,
    description: product?.name ?? null,
    metadata: {},
    price: structuredClone(price),
    quantity,
  };
}

/** Keeps `items` as the line items of `parentId` (a payment link or a checkout session). */
export function storeLineItems(ctx: StripeSandboxContext, account: string, parentId: string, items: LineItem[]): void {
  const existing = ctx.store.find<LineItemSet>(account, setId(parentId));
  if (existing) {
    existing.data = items;
    ctx.store.changed();
    return;
  }
  ctx.store.insert<LineItemSet>(account, { id: setId(parentId), object: "sandbox.line_items", data: items });
}

export function lineItemsOf(ctx: StripeSandboxContext, account: string, parentId: string): LineItem[] {
  return ctx.store.find<LineItemSet>(account, setId(parentId))?.data ?? [];
}

export function totalOf(items: LineItem[]): number {
  return items.reduce((sum, item) => sum + item.amount_total, 0);
}

export function hasRecurring(items: LineItem[]): boolean {
  return items.some((item) => item.price.type === "recurring");
}

function setId(parentId: string): string {
  return `lineitems_${parentId}`;
}

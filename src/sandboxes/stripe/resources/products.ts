import { Hono } from "hono";
import { type ApiEnv, listUrl } from "../api/env.ts";
import { nowSeconds, type StripeSandboxContext } from "../context.ts";
import { invalidRequest } from "../core/errors.ts";
import { expand } from "../core/expand.ts";
import { newId } from "../core/ids.ts";
import { LIST_PARAMS, pageOf } from "../core/list.ts";
import { mergeMetadata, type Params } from "../core/params.ts";
import type { StripeObject } from "../state/types.ts";
import { createPrice } from "./prices.ts";

export interface ProductObject extends StripeObject {
  object: "product";
  active: boolean;
  created: number;
  default_price: string | null;
  description: string | null;
  metadata: Record<string, string>;
  name: string;
  updated: number;
}

const UPDATABLE = [
  "active",
  "description",
  "images",
  "metadata",
  "name",
  "tax_code",
  "unit_label",
  "url",
  "default_price",
];

export function productRoutes(ctx: StripeSandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post("/products", (c) => {
    const params = c.get("params");
    params.only("id", "default_price_data", "expand", ...UPDATABLE.filter((k) => k !== "default_price"));
    const product = createProduct(ctx, c.get("account"), params);
    return c.json(expand(ctx.store, c.get("account"), product, params.strings("expand")));
  });

  app.get("/products/:id", (c) => {
    const product = ctx.store.get<ProductObject>(c.get("account"), c.req.param("id"), "product");
    return c.json(expand(ctx.store, c.get("account"), product, c.get("params").strings("expand")));
  });

  app.post("/products/:id", (c) => {
    const account = c.get("account");
    const product = ctx.store.get<ProductObject>(account, c.req.param("id"), "product");
    const params = c.get("params").only("expand", ...UPDATABLE);
    applyProductFields(product, params);
    const defaultPrice = params.string("default_price");
    if (defaultPrice !== undefined) {
      ctx.store.get(account, defaultPrice, "price", "default_price");
      product.default_price = defaultPrice || null;
    }
    product.updated = nowSeconds(ctx);
    ctx.store.changed();
    ctx.events.emit(account, "product.updated", product);
    return c.json(expand(ctx.store, account, product, params.strings("expand")));
  });

  app.get("/products", (c) => {
    const params = c.get("params").only(...LIST_PARAMS, "active", "ids", "shippable", "url");
    const active = params.boolean("active");
    const ids = params.strings("ids");
    const items = ctx.store
      .all<ProductObject>(c.get("account"), "product")
      .filter((product) => active === undefined || product.active === active)
      .filter((product) => !ids || ids.includes(product.id));
    return c.json(pageOf(items, params, listUrl(c)));
  });

  app.delete("/products/:id", (c) => {
    const account = c.get("account");
    const product = ctx.store.get<ProductObject>(account, c.req.param("id"), "product");
    if (ctx.store.all(account, "price").some((price) => price.product === product.id)) {
      throw invalidRequest("This product cannot be deleted because it has one or more user-created prices.");
    }
    delete ctx.store.state.objects[product.id];
    ctx.store.changed();
    ctx.events.emit(account, "product.deleted", product);
    return c.json({ id: product.id, object: "product", deleted: true });
  });

  return app;
}

/** Also used for `product_data` inside prices and payment links. */
export function createProduct(ctx: StripeSandboxContext, account: string, params: Params): ProductObject {
  const name = params.requiredString("name");
  const id = params.string("id") || newId("prod");
  if (ctx.store.locate(id)) throw invalidRequest(`Product already exists.`, "id", "resource_already_exists");
  const now = nowSeconds(ctx);
  const product: ProductObject = {
    id,
    object: "product",
    active: true,
    created: now,
    default_price: null,
    description: null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: {},
    name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: "service",
    unit_label: null,
    updated: now,
    url: null,
  };
  applyProductFields(product, params);
  ctx.store.insert(account, product);
  const priceData = params.object("default_price_data");
  if (priceData) {
    const price = createPrice(ctx, account, priceData, product.id);
    product.default_price = price.id;
  }
  ctx.events.emit(account, "product.created", product);
  return product;
}

function applyProductFields(product: ProductObject, params: Params): void {
  const name = params.string("name");
  if (name !== undefined) {
    if (name === "") throw invalidRequest("You must specify a name for the product.", params.name("name"));
    product.name = name;
  }
  const active = params.boolean("active");
  if (active !== undefined) product.active = active;
  for (const key of ["description", "tax_code", "unit_label", "url"] as const) {
    const value = params.string(key);
    if (value !== undefined) product[key] = value || null;
  }
  const images = params.strings("images");
  if (images) product.images = images;
  product.metadata = mergeMetadata(product.metadata, params.metadata());
}

import { Hono } from "hono";
import { type ApiEnv, causeOf, listUrl } from "../api/env.ts";
import { type CustomerObject, newCustomer } from "../billing/objects.ts";
import type { StripeSandboxContext } from "../context.ts";
import { invalidRequest } from "../core/errors.ts";
import { expand } from "../core/expand.ts";
import { LIST_PARAMS, pageOf } from "../core/list.ts";
import { mergeMetadata, type Params } from "../core/params.ts";

const FIELDS = ["email", "name", "description", "phone", "metadata", "expand", "preferred_locales"];

/** Customers: create, retrieve, update, list (by email). Checkout also makes them. */
export function customerRoutes(ctx: StripeSandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post("/customers", (c) => {
    const account = c.get("account");
    const params = c.get("params").only(...FIELDS);
    const customer = newCustomer(ctx, null, null);
    apply(customer, params);
    ctx.store.insert(account, customer);
    ctx.events.emit(account, "customer.created", customer, { cause: causeOf(c) });
    return c.json(expand(ctx.store, account, customer, params.strings("expand")));
  });

  app.get("/customers/:id", (c) => {
    const account = c.get("account");
    const customer = ctx.store.get<CustomerObject>(account, c.req.param("id"), "customer");
    return c.json(expand(ctx.store, account, customer, c.get("params").strings("expand")));
  });

  app.post("/customers/:id", (c) => {
    const account = c.get("account");
    const customer = ctx.store.get<CustomerObject>(account, c.req.param("id"), "customer");
    const params = c.get("params").only(...FIELDS);
    const before = structuredClone(customer);
    apply(customer, params);
    ctx.store.changed();
    const previous = Object.fromEntries(
      Object.keys(customer)
        .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(customer[key]))
        .map((key) => [key, before[key]]),
    );
    ctx.events.emit(account, "customer.updated", customer, { previous, cause: causeOf(c) });
    return c.json(expand(ctx.store, account, customer, params.strings("expand")));
  });

  app.get("/customers", (c) => {
    const account = c.get("account");
    const params = c.get("params").only(...LIST_PARAMS, "email", "test_clock");
    const email = params.string("email");
    const items = ctx.store
      .all<CustomerObject>(account, "customer")
      .filter((customer) => !email || customer.email === email);
    return c.json(expand(ctx.store, account, pageOf(items, params, listUrl(c)), params.strings("expand")));
  });

  return app;
}

function apply(customer: CustomerObject, params: Params): void {
  const email = params.string("email");
  if (email !== undefined) {
    if (email.length > 512) throw invalidRequest("Invalid email address: too long", "email");
    customer.email = email || null;
  }
  for (const key of ["name", "description", "phone"] as const) {
    const value = params.string(key);
    if (value !== undefined) customer[key] = value || null;
  }
  const locales = params.strings("preferred_locales");
  if (locales) customer.preferred_locales = locales;
  customer.metadata = mergeMetadata(customer.metadata, params.metadata());
}

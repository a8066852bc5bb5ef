import { Hono } from "hono";
import { type ApiEnv, listUrl } from "../api/env.ts";
import type { InvoiceObject } from "../billing/invoice-model.ts";
import type { StripeSandboxContext } from "../context.ts";
import { expand } from "../core/expand.ts";
import { pageOf } from "../core/list.ts";

const STATUSES = ["draft", "open", "paid", "uncollectible", "void"] as const;

/**
 * Invoices: the ones subscriptions make (their first at checkout, then one per renewal). Read, list
 * (filters `customer`, `subscription`, `status`, `collection_method`, `created`) and their lines.
 */
export function invoiceRoutes(ctx: StripeSandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get("/invoices", (c) => {
    const params = c
      .get("params")
      .only(
        "limit",
        "starting_after",
        "ending_before",
        "created",
        "expand",
        "customer",
        "subscription",
        "status",
        "collection_method",
      );
    const customer = params.string("customer");
    const subscription = params.string("subscription");
    const status = params.oneOf("status", STATUSES);
    const method = params.oneOf("collection_method", ["charge_automatically", "send_invoice"] as const);
    const items = ctx.store
      .all<InvoiceObject>(c.get("account"), "invoice")
      .filter((invoice) => !customer || invoice.customer === customer)
      .filter((invoice) => !subscription || invoice.parent.subscription_details.subscription === subscription)
      .filter((invoice) => !status || invoice.status === status)
      .filter((invoice) => !method || invoice.collection_method === method);
    const page = pageOf(items, params, listUrl(c));
    return c.json(expand(ctx.store, c.get("account"), page, params.strings("expand")));
  });

  app.get("/invoices/:id", (c) => {
    const invoice = ctx.store.get<InvoiceObject>(c.get("account"), c.req.param("id"), "invoice");
    return c.json(expand(ctx.store, c.get("account"), invoice, c.get("params").only("expand").strings("expand")));
  });

  app.get("/invoices/:id/lines", (c) => {
    const invoice = ctx.store.get<InvoiceObject>(c.get("account"), c.req.param("id"), "invoice");
    const params = c.get("params").only("limit", "starting_after", "ending_before", "expand");
    return c.json(pageOf(invoice.lines.data, params, listUrl(c)));
  });

  return app;
}

import { Hono } from "hono";
import { type ApiEnv, listUrl } from "../api/env.ts";
import type { PaymentIntentObject } from "../billing/objects.ts";
import type { StripeSandboxContext } from "../context.ts";
import { expand } from "../core/expand.ts";
import { LIST_PARAMS, pageOf } from "../core/list.ts";

/** PaymentIntents, made by checkout: read-only here (retrieve, list by customer). */
export function paymentIntentRoutes(ctx: StripeSandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get("/payment_intents/:id", (c) => {
    const account = c.get("account");
    const params = c.get("params").only("expand", "client_secret");
    const pi = ctx.store.get<PaymentIntentObject>(account, c.req.param("id"), "payment_intent");
    return c.json(expand(ctx.store, account, pi, params.strings("expand")));
  });

  app.get("/payment_intents", (c) => {
    const account = c.get("account");
    const params = c.get("params").only(...LIST_PARAMS, "customer");
    const customer = params.string("customer");
    const items = ctx.store
      .all<PaymentIntentObject>(account, "payment_intent")
      .filter((pi) => !customer || pi.customer === customer);
    return c.json(expand(ctx.store, account, pageOf(items, params, listUrl(c)), params.strings("expand")));
  });

  return app;
}

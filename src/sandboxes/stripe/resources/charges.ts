import { Hono } from "hono";
import { type ApiEnv, listUrl } from "../api/env.ts";
import type { ChargeObject } from "../billing/objects.ts";
import type { StripeSandboxContext } from "../context.ts";
import { expand } from "../core/expand.ts";
import { LIST_PARAMS, pageOf } from "../core/list.ts";
import type { Params } from "../core/params.ts";
import type { StripeObject } from "../state/types.ts";

/** Charges, made by payment attempts: retrieve and list (by payment_intent, customer); `refunds` on expand. */
export function chargeRoutes(ctx: StripeSandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get("/charges/:id", (c) => {
    const account = c.get("account");
    const params = c.get("params").only("expand");
    const charge = ctx.store.get<ChargeObject>(account, c.req.param("id"), "charge");
    return c.json(render(ctx, account, charge, params));
  });

  app.get("/charges", (c) => {
    const account = c.get("account");
    const params = c.get("params").only(...LIST_PARAMS, "customer", "payment_intent", "transfer_group");
    const customer = params.string("customer");
    const paymentIntent = params.string("payment_intent");
    const items = ctx.store
      .all<ChargeObject>(account, "charge")
      .filter((charge) => !customer || charge.customer === customer)
      .filter((charge) => !paymentIntent || charge.payment_intent === paymentIntent);
    return c.json(expand(ctx.store, account, pageOf(items, params, listUrl(c)), params.strings("expand")));
  });

  return app;
}

/** `refunds` is only on a charge when expanded (since API version 2022-11-15). */
function render(ctx: StripeSandboxContext, account: string, charge: ChargeObject, params: Params) {
  const paths = params.strings("expand") ?? [];
  const rest = paths.filter((path) => path !== "refunds");
  const body = expand(ctx.store, account, charge, rest);
  if (rest.length === paths.length) return body;
  const data = ctx.store.all<StripeObject>(account, "refund").filter((refund) => refund.charge === charge.id);
  return { ...body, refunds: { object: "list", data, has_more: false, url: `/v1/charges/${charge.id}/refunds` } };
}

import { Hono } from "hono";
import { type ApiEnv, causeOf, listUrl } from "../api/env.ts";
import { createRefund, REFUND_REASONS } from "../billing/refunds.ts";
import type { StripeSandboxContext } from "../context.ts";
import { expand } from "../core/expand.ts";
import { LIST_PARAMS, pageOf } from "../core/list.ts";
import { mergeMetadata } from "../core/params.ts";
import type { StripeObject } from "../state/types.ts";

/** Refunds of succeeded charges: create (by payment_intent or charge), retrieve, update metadata, list. */
export function refundRoutes(ctx: StripeSandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post("/refunds", (c) => {
    const account = c.get("account");
    const params = c
      .get("params")
      .only(
        "payment_intent",
        "charge",
        "amount",
        "reason",
        "metadata",
        "expand",
        "instructions_email",
        "refund_application_fee",
        "reverse_transfer",
      );
    const paymentIntent = params.string("payment_intent");
    const charge = params.string("charge");
    const amount = params.integer("amount", { min: 1 });
    const reason = params.oneOf("reason", REFUND_REASONS);
    const metadata = params.metadata();
    const refund = createRefund(
      ctx,
      account,
      {
        ...(paymentIntent ? { paymentIntent } : {}),
        ...(charge ? { charge } : {}),
        ...(amount !== undefined ? { amount } : {}),
        ...(reason ? { reason } : {}),
        ...(metadata ? { metadata } : {}),
      },
      causeOf(c),
    );
    return c.json(expand(ctx.store, account, refund, params.strings("expand")));
  });

  app.get("/refunds/:id", (c) => {
    const account = c.get("account");
    const refund = ctx.store.get(account, c.req.param("id"), "refund");
    return c.json(expand(ctx.store, account, refund, c.get("params").only("expand").strings("expand")));
  });

  app.post("/refunds/:id", (c) => {
    const account = c.get("account");
    const refund = ctx.store.get(account, c.req.param("id"), "refund");
    const params = c.get("params").only("metadata", "expand");
    refund.metadata = mergeMetadata(refund.metadata as Record<string, string>, params.metadata());
    ctx.store.changed();
    ctx.events.emit(account, "refund.updated", refund, { cause: causeOf(c) });
    return c.json(expand(ctx.store, account, refund, params.strings("expand")));
  });

  app.get("/refunds", (c) => {
    const account = c.get("account");
    const params = c.get("params").only(...LIST_PARAMS, "charge", "payment_intent");
    const charge = params.string("charge");
    const paymentIntent = params.string("payment_intent");
    const items = ctx.store
      .all<StripeObject>(account, "refund")
      .filter((refund) => !charge || refund.charge === charge)
      .filter((refund) => !paymentIntent || refund.payment_intent === paymentIntent);
    return c.json(expand(ctx.store, account, pageOf(items, params, listUrl(c)), params.strings("expand")));
  });

  return app;
}

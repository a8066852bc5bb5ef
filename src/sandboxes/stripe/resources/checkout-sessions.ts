import { Hono } from "hono";
import { type ApiEnv, listUrl } from "../api/env.ts";
import type { CheckoutSessionObject } from "../billing/checkout-types.ts";
import { hasRecurring, lineItemsOf, parseLineItems } from "../billing/line-items.ts";
import { createSession, expireSession } from "../billing/sessions.ts";
import { nowSeconds, type StripeSandboxContext } from "../context.ts";
import { invalidRequest } from "../core/errors.ts";
import { expand } from "../core/expand.ts";
import { LIST_PARAMS, pageOf } from "../core/list.ts";
import { mergeMetadata, type Params } from "../core/params.ts";

const CREATE_PARAMS = [
  "mode",
  "line_items",
  "success_url",
  "cancel_url",
  "metadata",
  "client_reference_id",
  "customer",
  "customer_email",
  "customer_creation",
  "payment_intent_data",
  "subscription_data",
  "payment_method_types",
  "expires_at",
  "currency",
  "locale",
  "ui_mode",
  "expand",
  "allow_promotion_codes",
  "billing_address_collection",
  "submit_type",
];

/** Checkout Sessions: made by opening a payment link, or by `POST /v1/checkout/sessions`. */
export function checkoutSessionRoutes(ctx: StripeSandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post("/checkout/sessions", (c) => {
    const account = c.get("account");
    const params = c.get("params").only(...CREATE_PARAMS);
    const session = createSession(ctx, account, readSpec(ctx, account, params));
    return c.json(expand(ctx.store, account, session, params.strings("expand")));
  });

  app.get("/checkout/sessions/:id", (c) => {
    const account = c.get("account");
    const session = ctx.store.get<CheckoutSessionObject>(account, c.req.param("id"), "checkout.session");
    return c.json(render(ctx, account, session, c.get("params")));
  });

  app.post("/checkout/sessions/:id", (c) => {
    const account = c.get("account");
    const session = ctx.store.get<CheckoutSessionObject>(account, c.req.param("id"), "checkout.session");
    const params = c.get("params").only("metadata", "expand");
    session.metadata = mergeMetadata(session.metadata, params.metadata());
    ctx.store.changed();
    return c.json(render(ctx, account, session, params));
  });

  app.post("/checkout/sessions/:id/expire", (c) => {
    const account = c.get("account");
    const session = ctx.store.get<CheckoutSessionObject>(account, c.req.param("id"), "checkout.session");
    const params = c.get("params").only("expand");
    expireSession(ctx, account, session);
    return c.json(render(ctx, account, session, params));
  });

  app.get("/checkout/sessions", (c) => {
    const params = c
      .get("params")
      .only(...LIST_PARAMS, "payment_link", "status", "payment_intent", "subscription", "customer", "customer_details");
    const filters = {
      payment_link: params.string("payment_link"),
      status: params.oneOf("status", ["open", "complete", "expired"] as const),
      payment_intent: params.string("payment_intent"),
      subscription: params.string("subscription"),
      customer: params.string("customer"),
    };
    const email = params.object("customer_details")?.only("email").string("email");
    const items = ctx.store
      .all<CheckoutSessionObject>(c.get("account"), "checkout.session")
      .filter((session) => Object.entries(filters).every(([key, value]) => !value || session[key] === value))
      .filter((session) => !email || session.customer_details?.email === email);
    return c.json(expand(ctx.store, c.get("account"), pageOf(items, params, listUrl(c)), params.strings("expand")));
  });

  app.get("/checkout/sessions/:id/line_items", (c) => {
    const account = c.get("account");
    const session = ctx.store.get<CheckoutSessionObject>(account, c.req.param("id"), "checkout.session");
    const params = c.get("params").only("limit", "starting_after", "ending_before", "expand");
    return c.json(pageOf(lineItemsOf(ctx, account, session.id), params, listUrl(c)));
  });

  return app;
}

function readSpec(ctx: StripeSandboxContext, account: string, params: Params) {
  const mode = params.oneOf("mode", ["payment", "subscription"] as const);
  if (!mode) {
    if (params.has("mode")) throw invalidRequest("Invalid mode: must be one of payment or subscription", "mode");
    throw invalidRequest("Missing required param: mode.", "mode", "parameter_missing");
  }
  const lineItems = parseLineItems(ctx, account, params);
  if (mode === "subscription" && !hasRecurring(lineItems)) {
    throw invalidRequest(
      "You must provide at least one recurring price in `subscription` mode when using prices.",
      "line_items",
    );
  }
  if (mode === "payment" && hasRecurring(lineItems)) {
    throw invalidRequest(
      "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.",
      "line_items",
    );
  }
  const customer = params.string("customer") || null;
  if (customer) ctx.store.get(account, customer, "customer", "customer");
  const customerEmail = params.string("customer_email") || null;
  if (customer && customerEmail) {
    throw invalidRequest("You may only specify one of these parameters: customer, customer_email.", "customer_email");
  }
  const expiresAt = params.integer("expires_at");
  const now = nowSeconds(ctx);
  if (expiresAt !== undefined && (expiresAt < now + 1800 || expiresAt > now + 86400)) {
    throw invalidRequest(
      "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.",
      "expires_at",
    );
  }
  const piData = params.object("payment_intent_data");
  if (piData && mode !== "payment") {
    throw invalidRequest("You can not pass `payment_intent_data` in `subscription` mode.", "payment_intent_data");
  }
  const subData = params.object("subscription_data");
  if (subData && mode !== "subscription") {
    throw invalidRequest("You can not pass `subscription_data` in `payment` mode.", "subscription_data");
  }
  const types = params.strings("payment_method_types") ?? ["card", "us_bank_account"];
  const creation = params.oneOf("customer_creation", ["always", "if_required"] as const);
  if (creation && mode !== "payment") {
    throw invalidRequest("`customer_creation` can only be used in `payment` mode.", "customer_creation");
  }
  const successUrl = params.string("success_url") || null;
  return {
    mode,
    lineItems,
    metadata: params.metadata() ?? {},
    paymentLink: null,
    clientReferenceId: params.string("client_reference_id") || null,
    customer,
    customerEmail,
    customerCreation: mode === "payment" ? (creation ?? "if_required") : null,
    successUrl,
    cancelUrl: params.string("cancel_url") || null,
    expiresAt: expiresAt ?? null,
    plan: {
      paymentIntentMetadata: piData?.metadata() ?? {},
      subscriptionMetadata: subData?.metadata() ?? {},
      redirectUrl: successUrl,
      confirmationMessage: null,
      paymentMethodTypes: types,
    },
  };
}

function render(ctx: StripeSandboxContext, account: string, session: CheckoutSessionObject, params: Params) {
  const paths = params.strings("expand") ?? [];
  const rest = paths.filter((path) => path !== "line_items");
  const body = expand(ctx.store, account, session, rest);
  if (rest.length === paths.length) return body;
  const data = lineItemsOf(ctx, account, session.id);
  return {
    ...body,
    line_items: { object: "list", data, has_more: false, url: `/v1/checkout/sessions/${session.id}/line_items` },
  };
}

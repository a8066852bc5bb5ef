import { Hono } from "hono";
import { type ApiEnv, causeOf, listUrl } from "../api/env.ts";
import type { PaymentLinkObject } from "../billing/checkout-types.ts";
import { hasRecurring, lineItemsOf, parseLineItems, storeLineItems } from "../billing/line-items.ts";
import {
  applyLinkSettings,
  emptyPaymentIntentData,
  emptySubscriptionData,
  LINK_SETTINGS,
} from "../billing/payment-link-fields.ts";
import type { StripeSandboxContext } from "../context.ts";
import { invalidRequest } from "../core/errors.ts";
import { expand } from "../core/expand.ts";
import { base62, newId } from "../core/ids.ts";
import { LIST_PARAMS, pageOf } from "../core/list.ts";
import type { Params } from "../core/params.ts";

/** Payment Links (buy.stripe.com): each visit to `url` opens a new Checkout Session with the link's items. */
export function paymentLinkRoutes(ctx: StripeSandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post("/payment_links", (c) => {
    const account = c.get("account");
    const params = c.get("params").only("line_items", "expand", "currency", ...LINK_SETTINGS);
    const items = parseLineItems(ctx, account, params);
    const recurring = hasRecurring(items);
    const link: PaymentLinkObject = newLink(ctx, items[0]?.currency ?? "usd", recurring);
    applyLinkSettings(link, params, recurring);
    ctx.store.insert(account, link);
    storeLineItems(ctx, account, link.id, items);
    ctx.events.emit(account, "payment_link.created", link, { cause: causeOf(c) });
    return c.json(render(ctx, account, link, params));
  });

  app.get("/payment_links/:id", (c) => {
    const account = c.get("account");
    const link = ctx.store.get<PaymentLinkObject>(account, c.req.param("id"), "payment_link");
    return c.json(render(ctx, account, link, c.get("params")));
  });

  app.post("/payment_links/:id", (c) => {
    const account = c.get("account");
    const link = ctx.store.get<PaymentLinkObject>(account, c.req.param("id"), "payment_link");
    const params = c.get("params").only("line_items", "expand", ...LINK_SETTINGS);
    const items = lineItemsOf(ctx, account, link.id);
    const previous = structuredClone(link);
    applyLinkSettings(link, params, hasRecurring(items));
    for (const update of params.objects("line_items") ?? []) {
      // A link's prices are fixed once it exists: only the quantity of an existing item may change.
      update.only("id", "quantity", "adjustable_quantity");
      const id = update.requiredString("id");
      const item = items.find((candidate) => candidate.id === id);
      if (!item) throw invalidRequest(`No such line item: '${id}'`, update.name("id"), "resource_missing");
      const quantity = update.integer("quantity", { min: 1, max: 999_999 });
      if (quantity !== undefined) {
        item.quantity = quantity;
        item.amount_subtotal = (item.price.unit_amount ?? 0) * quantity;
        item.amount_total = item.amount_subtotal;
      }
    }
    storeLineItems(ctx, account, link.id, items);
    ctx.store.changed();
    ctx.events.emit(account, "payment_link.updated", link, {
      previous: changedFields(previous, link),
      cause: causeOf(c),
    });
    return c.json(render(ctx, account, link, params));
  });

  app.get("/payment_links", (c) => {
    const params = c.get("params").only(...LIST_PARAMS, "active");
    const active = params.boolean("active");
    const items = ctx.store
      .all<PaymentLinkObject>(c.get("account"), "payment_link")
      .filter((link) => active === undefined || link.active === active);
    return c.json(expand(ctx.store, c.get("account"), pageOf(items, params, listUrl(c)), params.strings("expand")));
  });

  app.get("/payment_links/:id/line_items", (c) => {
    const account = c.get("account");
    const link = ctx.store.get<PaymentLinkObject>(account, c.req.param("id"), "payment_link");
    const params = c.get("params").only("limit", "starting_after", "ending_before", "expand");
    return c.json(pageOf(lineItemsOf(ctx, account, link.id), params, listUrl(c)));
  });

  return app;
}

function render(ctx: StripeSandboxContext, account: string, link: PaymentLinkObject, params: Params) {
  const paths = params.strings("expand") ?? [];
  const rest = paths.filter((path) => path !== "line_items");
  const body = expand(ctx.store, account, link, rest);
  if (rest.length === paths.length) return body;
  const items = lineItemsOf(ctx, account, link.id);
  return {
    ...body,
    line_items: { object: "list", data: items, has_more: false, url: `/v1/payment_links/${link.id}/line_items` },
  };
}

function newLink(ctx: StripeSandboxContext, currency: string, recurring: boolean): PaymentLinkObject {
  return {
    id: newId("plink"),
    object: "payment_link",
    active: true,
    after_completion: { type: "hosted_confirmation", hosted_confirmation: { custom_message: null } },
    allow_promotion_codes: false,
    application: null,
    application_fee_amount: null,
    application_fee_percent: null,
    automatic_tax: { enabled: false, liability: null },
    billing_address_collection: "auto",
    consent_collection: null,
    currency,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer_creation: "if_required",
    inactive_message: null,
    invoice_creation: recurring ? null : { enabled: false, invoice_data: null },
    livemode: false,
    managed_payments: null,
    metadata: {},
    on_behalf_of: null,
    payment_intent_data: recurring ? null : emptyPaymentIntentData(),
    payment_method_collection: "always",
    payment_method_options: null,
    payment_method_types: null,
    phone_number_collection: { enabled: false },
    restrictions: null,
    shipping_address_collection: null,
    shipping_options: [],
    submit_type: "auto",
    subscription_data: recurring ? emptySubscriptionData() : null,
    tax_id_collection: { enabled: false, required: "never" },
    transfer_data: null,
    url: `${ctx.publicUrl}/checkout/pay/test_${base62(22)}`,
  };
}

function changedFields(before: PaymentLinkObject, after: PaymentLinkObject): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key] = before[key];
  }
  return previous;
}

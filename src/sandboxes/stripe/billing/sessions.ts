import { nowSeconds, type StripeSandboxContext } from "../context.ts";
import { invalidRequest } from "../core/errors.ts";
import { newId } from "../core/ids.ts";
import {
  type CheckoutPlan,
  type CheckoutSessionObject,
  type PaymentLinkObject,
  type PlanFields,
  planId,
} from "./checkout-types.ts";
import { type LineItem, lineItemsOf, storeLineItems, totalOf } from "./line-items.ts";

export interface SessionSpec {
  mode: "payment" | "subscription";
  lineItems: LineItem[];
  metadata: Record<string, string>;
  paymentLink: string | null;
  clientReferenceId: string | null;
  customer: string | null;
  customerEmail: string | null;
  customerCreation: "always" | "if_required" | null;
  successUrl: string | null;
  cancelUrl: string | null;
  expiresAt: number | null;
  plan: PlanFields;
}

export const DEFAULT_INACTIVE_MESSAGE = "This link is no longer active";

export function createSession(ctx: StripeSandboxContext, account: string, spec: SessionSpec): CheckoutSessionObject {
  const id = newId("cs");
  const now = nowSeconds(ctx);
  const total = totalOf(spec.lineItems);
  const session: CheckoutSessionObject = {
    id,
    object: "checkout.session",
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: total,
    amount_total: total,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: spec.cancelUrl,
    client_reference_id: spec.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency: spec.lineItems[0]?.currency ?? "usd",
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: spec.customer,
    customer_account: null,
    customer_creation: spec.customerCreation,
    customer_details: null,
    customer_email: spec.customerEmail,
    discounts: [],
    expires_at: spec.expiresAt ?? Math.floor((ctx.clock.nowMs() + ctx.timing.checkoutExpiryMs) / 1000),
    integration_identifier: null,
    invoice: null,
    invoice_creation: spec.mode === "payment" ? { enabled: false, invoice_data: emptyInvoiceData() } : null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: { ...spec.metadata },
    mode: spec.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: spec.paymentLink,
    payment_method_collection: spec.mode === "subscription" ? "always" : null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: spec.plan.paymentMethodTypes,
    payment_status: "unpaid",
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: spec.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: `${ctx.publicUrl}/checkout/c/${id}`,
    wallet_options: null,
  };
  ctx.store.insert(account, session);
  storeLineItems(ctx, account, id, spec.lineItems);
  ctx.store.insert<CheckoutPlan>(account, { id: planId(id), object: "sandbox.checkout_plan", ...spec.plan });
  return session;
}

/** Opening a link's URL: a new session with the link's items and settings (`?client_reference_id=`, `prefilled_email`). */
export function createSessionFromLink(
  ctx: StripeSandboxContext,
  account: string,
  link: PaymentLinkObject,
  query: { clientReferenceId?: string | null; prefilledEmail?: string | null },
): CheckoutSessionObject {
  const inactive = linkInactiveMessage(link);
  if (inactive) throw invalidRequest(inactive, "payment_link", "payment_link_inactive");
  const reference = query.clientReferenceId ?? null;
  const email = query.prefilledEmail ?? null;
  const lineItems = lineItemsOf(ctx, account, link.id);
  const mode = lineItems.some((item) => item.price.type === "recurring") ? "subscription" : "payment";
  const after = link.after_completion;
  return createSession(ctx, account, {
    mode,
    lineItems: lineItems.map((item) => ({ ...structuredClone(item), id: newId("li") })),
    metadata: link.metadata,
    paymentLink: link.id,
    clientReferenceId: reference && /^[A-Za-z0-9_-]{1,200}$/.test(reference) ? reference : null,
    customer: null,
    customerEmail: email && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null,
    customerCreation: mode === "payment" ? link.customer_creation : null,
    successUrl: after.type === "redirect" ? after.redirect.url : null,
    cancelUrl: null,
    expiresAt: null,
    plan: {
      paymentIntentMetadata: { ...(link.payment_intent_data?.metadata ?? {}) },
      subscriptionMetadata: { ...(link.subscription_data?.metadata ?? {}) },
      redirectUrl: after.type === "redirect" ? after.redirect.url : null,
      confirmationMessage: after.type === "hosted_confirmation" ? after.hosted_confirmation.custom_message : null,
      paymentMethodTypes: (link.payment_method_types as string[] | null) ?? ["card", "us_bank_account"],
    },
  });
}

/** Why a link takes no more payments (the message the payer sees), or null while it does. */
export function linkInactiveMessage(link: PaymentLinkObject): string | null {
  const used = link.restrictions
    ? link.restrictions.completed_sessions.count >= link.restrictions.completed_sessions.limit
    : false;
  if (link.active && !used) return null;
  return link.inactive_message || DEFAULT_INACTIVE_MESSAGE;
}

export function planOf(ctx: StripeSandboxContext, account: string, sessionId: string): CheckoutPlan | undefined {
  return ctx.store.find<CheckoutPlan>(account, planId(sessionId));
}

/** `POST /v1/checkout/sessions/:id/expire`, and the clock when `expires_at` passes. */
export function expireSession(ctx: StripeSandboxContext, account: string, session: CheckoutSessionObject): void {
  if (session.status !== "open") {
    throw invalidRequest(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
    );
  }
  session.status = "expired";
  session.url = null;
  ctx.store.changed();
  ctx.events.emit(account, "checkout.session.expired", session);
}

/** Every open session whose `expires_at` has passed on the sandbox clock expires. */
export function expireDueSessions(ctx: StripeSandboxContext, nowMs: number): void {
  for (const { account, body } of ctx.store.everywhere<CheckoutSessionObject>("checkout.session")) {
    if (body.status === "open" && body.expires_at * 1000 <= nowMs) expireSession(ctx, account, body);
  }
}

function emptyInvoiceData() {
  return {
    account_tax_ids: null,
    custom_fields: null,
    description: null,
    footer: null,
    issuer: null,
    metadata: {},
    rendering_options: null,
  };
}

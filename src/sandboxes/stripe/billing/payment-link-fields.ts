import { invalidRequest } from "../core/errors.ts";
import { mergeMetadata, type Params } from "../core/params.ts";
import type { PaymentLinkObject } from "./checkout-types.ts";

/** The settings a payment link takes on create and on update (line items apart). */
export const LINK_SETTINGS = [
  "active",
  "after_completion",
  "allow_promotion_codes",
  "billing_address_collection",
  "customer_creation",
  "inactive_message",
  "metadata",
  "payment_intent_data",
  "payment_method_types",
  "restrictions",
  "submit_type",
  "subscription_data",
];

/** Applies the settings present in `params` to `link`, refusing what Stripe refuses. */
export function applyLinkSettings(link: PaymentLinkObject, params: Params, recurring: boolean): void {
  const active = params.boolean("active");
  if (active !== undefined) link.active = active;
  const inactive = params.string("inactive_message");
  if (inactive !== undefined) {
    if (inactive.length > 500)
      throw invalidRequest("Inactive message can be at most 500 characters.", "inactive_message");
    link.inactive_message = inactive || null;
  }
  link.metadata = mergeMetadata(link.metadata, params.metadata());
  const creation = params.oneOf("customer_creation", ["always", "if_required"] as const);
  if (creation) {
    if (recurring) {
      throw invalidRequest("`customer_creation` can only be used in `payment` mode.", "customer_creation");
    }
    link.customer_creation = creation;
  }
  for (const key of ["allow_promotion_codes"] as const) {
    const value = params.boolean(key);
    if (value !== undefined) link[key] = value;
  }
  const billing = params.oneOf("billing_address_collection", ["auto", "required"] as const);
  if (billing) link.billing_address_collection = billing;
  const submit = params.oneOf("submit_type", ["auto", "book", "donate", "pay", "subscribe"] as const);
  if (submit) link.submit_type = submit;
  const types = params.strings("payment_method_types");
  if (types) {
    for (const [index, type] of types.entries()) {
      if (type !== "card" && type !== "us_bank_account") {
        throw invalidRequest(
          `Invalid payment_method_types[${index}]: must be one of card or us_bank_account`,
          `payment_method_types[${index}]`,
        );
      }
    }
    link.payment_method_types = types.length ? types : null;
  }
  applyAfterCompletion(link, params);
  applyRestrictions(link, params);
  const piData = params.object("payment_intent_data");
  if (piData) {
    if (recurring) {
      throw invalidRequest(
        "You can only specify `payment_intent_data` for payment links in `payment` mode.",
        "payment_intent_data",
      );
    }
    piData.only(
      "metadata",
      "description",
      "capture_method",
      "setup_future_usage",
      "statement_descriptor",
      "statement_descriptor_suffix",
      "transfer_group",
    );
    const current = link.payment_intent_data ?? emptyPaymentIntentData();
    const piMetadata = piData.metadata();
    if (piMetadata !== undefined) current.metadata = declarative(piMetadata);
    for (const key of ["description", "statement_descriptor", "statement_descriptor_suffix", "transfer_group"]) {
      const value = piData.string(key);
      if (value !== undefined) current[key] = value || null;
    }
    link.payment_intent_data = current;
  }
  const subData = params.object("subscription_data");
  if (subData) {
    if (!recurring) {
      throw invalidRequest(
        "You must provide at least one recurring price in `line_items` to use `subscription_data`.",
        "subscription_data",
      );
    }
    subData.only("metadata", "description", "trial_period_days", "trial_settings", "invoice_settings");
    const current = link.subscription_data ?? emptySubscriptionData();
    const subMetadata = subData.metadata();
    if (subMetadata !== undefined) current.metadata = declarative(subMetadata);
    const description = subData.string("description");
    if (description !== undefined) current.description = description || null;
    const trial = subData.integer("trial_period_days", { min: 1, max: 730 });
    if (trial !== undefined) current.trial_period_days = trial;
    link.subscription_data = current;
  }
}

function applyAfterCompletion(link: PaymentLinkObject, params: Params): void {
  const after = params.object("after_completion");
  if (!after) return;
  after.only("type", "redirect", "hosted_confirmation");
  const type = after.oneOf("type", ["hosted_confirmation", "redirect"] as const);
  if (!type)
    throw invalidRequest("Missing required param: after_completion[type].", after.name("type"), "parameter_missing");
  if (type === "redirect") {
    const redirect = after.object("redirect");
    const url = redirect?.only("url").requiredString("url") ?? "";
    if (!/^https?:\/\/\S+$/i.test(url))
      throw invalidRequest("Not a valid URL", "after_completion[redirect][url]", "url_invalid");
    link.after_completion = { type, redirect: { url } };
  } else {
    const message = after.object("hosted_confirmation")?.only("custom_message").string("custom_message");
    link.after_completion = { type, hosted_confirmation: { custom_message: message || null } };
  }
}

function applyRestrictions(link: PaymentLinkObject, params: Params): void {
  if (params.raw.restrictions === "") {
    link.restrictions = null;
    return;
  }
  const restrictions = params.object("restrictions");
  if (!restrictions) return;
  restrictions.only("completed_sessions");
  const completed = restrictions.object("completed_sessions");
  if (!completed)
    throw invalidRequest(
      "Missing required param: restrictions[completed_sessions].",
      "restrictions[completed_sessions]",
      "parameter_missing",
    );
  completed.only("limit");
  const limit = completed.integer("limit", { min: 1, max: 10_000 });
  if (limit === undefined) {
    throw invalidRequest(
      "Missing required param: restrictions[completed_sessions][limit].",
      completed.name("limit"),
      "parameter_missing",
    );
  }
  link.restrictions = { completed_sessions: { count: link.restrictions?.completed_sessions.count ?? 0, limit } };
}

/** payment_intent_data.metadata and the like are declarative: the new map replaces the old, `""` clears. */
function declarative(update: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(update).filter(([, value]) => value !== ""));
}

export function emptyPaymentIntentData(): NonNullable<PaymentLinkObject["payment_intent_data"]> {
  return {
    capture_method: null,
    description: null,
    metadata: {},
    setup_future_usage: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    transfer_group: null,
  };
}

export function emptySubscriptionData(): NonNullable<PaymentLinkObject["subscription_data"]> {
  return {
    description: null,
    invoice_settings: { issuer: { type: "self" } },
    metadata: {},
    trial_period_days: null,
    trial_settings: null,
  };
}

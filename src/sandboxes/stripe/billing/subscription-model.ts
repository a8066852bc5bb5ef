import { newId } from "../core/ids.ts";
import type { PriceObject } from "../resources/prices.ts";
import type { StripeObject } from "../state/types.ts";
import type { Recurring } from "./subscription-periods.ts";

export type SubscriptionStatus =
  | "active"
  | "past_due"
  | "canceled"
  | "incomplete"
  | "incomplete_expired"
  | "trialing"
  | "paused"
  | "unpaid";

export interface SubscriptionItemObject extends StripeObject {
  object: "subscription_item";
  current_period_start: number;
  current_period_end: number;
  price: PriceObject & { recurring: Recurring & Record<string, unknown> };
  quantity: number;
  subscription: string;
}

export interface SubscriptionObject extends StripeObject {
  object: "subscription";
  billing_cycle_anchor: number;
  cancel_at: number | null;
  cancel_at_period_end: boolean;
  canceled_at: number | null;
  cancellation_details: { comment: string | null; feedback: string | null; reason: string | null };
  created: number;
  currency: string;
  customer: string;
  default_payment_method: string | null;
  ended_at: number | null;
  items: { object: "list"; data: SubscriptionItemObject[]; has_more: boolean; url: string };
  latest_invoice: string | null;
  metadata: Record<string, string>;
  start_date: number;
  status: SubscriptionStatus;
}

/** The subscription's shape on the wire at this API version: period fields live on the items. */
export function buildSubscription(input: {
  customer: string;
  prices: Array<{ price: SubscriptionItemObject["price"]; quantity: number }>;
  metadata: Record<string, string>;
  defaultPaymentMethod: string | null;
  paymentMethodType: string;
  now: number;
  periodEnd: number;
}): SubscriptionObject {
  const id = newId("sub");
  const first = input.prices[0]?.price;
  const items = input.prices.map(
    ({ price, quantity }): SubscriptionItemObject => ({
      id: newId("si"),
      object: "subscription_item",
      billing_thresholds: null,
      created: input.now,
      current_period_end: input.periodEnd,
      current_period_start: input.now,
      discounts: [],
      metadata: {},
      plan: planOf(price),
      price: structuredClone(price),
      quantity,
      subscription: id,
      tax_rates: [],
    }),
  );
  return {
    id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: input.now,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: { proration_discounts: "included" }, type: "flexible", updated_at: input.now },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    collection_method: "charge_automatically",
    created: input.now,
    currency: first?.currency ?? "usd",
    customer: input.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: input.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: "self" },
    },
    items: { object: "list", data: items, has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: { ...input.metadata },
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: "off",
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: input.now,
    status: "active",
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: { end_behavior: { missing_payment_method: "create_invoice" } },
    trial_start: null,
  };
}

/** The legacy `plan` each item still carries, derived from its price. */
function planOf(price: SubscriptionItemObject["price"]): Record<string, unknown> {
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: "per_unit",
    created: price.created,
    currency: price.currency,
    interval: price.recurring.interval,
    interval_count: price.recurring.interval_count,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname ?? null,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
}

/** The current period, read off the first item (every item of a sandbox subscription shares it). */
export function currentPeriod(subscription: SubscriptionObject): { start: number; end: number } {
  const item = subscription.items.data[0];
  return { start: item?.current_period_start ?? subscription.start_date, end: item?.current_period_end ?? 0 };
}

export function recurringOf(subscription: SubscriptionObject): Recurring {
  const recurring = subscription.items.data[0]?.price.recurring;
  return recurring ?? { interval: "month", interval_count: 1 };
}

import { createHash } from "node:crypto";
import type { StripeSandboxContext } from "../context.ts";
import { newId } from "../core/ids.ts";
import type { StripeObject } from "../state/types.ts";
import type { SubscriptionObject } from "./subscription-model.ts";

export type InvoiceStatus = "draft" | "open" | "paid" | "uncollectible" | "void";

export interface InvoiceLineObject extends StripeObject {
  object: "line_item";
  amount: number;
  period: { start: number; end: number };
}

export interface InvoiceObject extends StripeObject {
  object: "invoice";
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  attempt_count: number;
  attempted: boolean;
  billing_reason: "subscription_create" | "subscription_cycle";
  created: number;
  currency: string;
  customer: string;
  lines: { object: "list"; data: InvoiceLineObject[]; has_more: boolean; url: string };
  number: string | null;
  parent: {
    quote_details: null;
    subscription_details: { metadata: Record<string, string> | null; subscription: string };
    type: "subscription_details";
  };
  status: InvoiceStatus;
  status_transitions: {
    finalized_at: number | null;
    marked_uncollectible_at: number | null;
    paid_at: number | null;
    voided_at: number | null;
  };
  total: number;
}

/**
 * A draft invoice for one period of a subscription: a line per item for `linePeriod` (licensed prices are
 * billed in advance). `period_start`/`period_end` are the invoice's own period, as Stripe sets them: the
 * creation moment for the first invoice, the period just ended for a renewal.
 */
export function buildInvoice(
  ctx: StripeSandboxContext,
  account: string,
  input: {
    subscription: SubscriptionObject;
    reason: InvoiceObject["billing_reason"];
    at: number;
    invoicePeriod: { start: number; end: number };
    linePeriod: { start: number; end: number };
  },
): InvoiceObject {
  const { subscription: sub, at } = input;
  const id = newId("in");
  const customer = ctx.store.find(account, sub.customer);
  const lines = sub.items.data.map((item): InvoiceLineObject => {
    const amount = (item.price.unit_amount ?? 0) * item.quantity;
    const productName = ctx.store.find(account, item.price.product)?.name;
    return {
      id: newId("il"),
      object: "line_item",
      amount,
      currency: sub.currency,
      description: `${item.quantity} × ${typeof productName === "string" ? productName : "Subscription"} (at ${formatAmount(item.price.unit_amount ?? 0, sub.currency)} / ${item.price.recurring.interval})`,
      discount_amounts: [],
      discountable: true,
      discounts: [],
      invoice: id,
      livemode: false,
      metadata: {},
      parent: {
        invoice_item_details: null,
        subscription_item_details: {
          invoice_item: null,
          proration: false,
          proration_details: { credited_items: null },
          subscription: sub.id,
          subscription_item: item.id,
        },
        type: "subscription_item_details",
      },
      period: { ...input.linePeriod },
      pretax_credit_amounts: [],
      pricing: {
        price_details: { price: item.price.id, product: item.price.product },
        type: "price_details",
        unit_amount_decimal: item.price.unit_amount_decimal,
      },
      quantity: item.quantity,
      quantity_decimal: String(item.quantity),
      subscription: sub.id,
      subtotal: amount,
      taxes: [],
    };
  });
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  const text = (key: string) => (typeof customer?.[key] === "string" ? (customer[key] as string) : null);
  return {
    id,
    object: "invoice",
    account_country: "US",
    account_name: "Settle Stripe sandbox",
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: total,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: input.reason,
    collection_method: "charge_automatically",
    created: at,
    currency: sub.currency,
    custom_fields: null,
    customer: sub.customer,
    customer_account: null,
    customer_address: null,
    customer_email: text("email"),
    customer_name: text("name"),
    customer_phone: text("phone"),
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: "list", data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: {
      quote_details: null,
      subscription_details: { metadata: null, subscription: sub.id },
      type: "subscription_details",
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: input.invoicePeriod.end,
    period_start: input.invoicePeriod.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: "draft",
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
}

/**
 * Finalizing numbers the invoice (the customer's prefix and a sequence, `A1B2C3D4-0001`), opens it and
 * freezes the subscription's metadata into `parent.subscription_details.metadata`.
 */
export function finalizeInvoice(
  ctx: StripeSandboxContext,
  account: string,
  invoice: InvoiceObject,
  sub: SubscriptionObject,
): void {
  const prefix = createHash("sha256").update(invoice.customer).digest("hex").slice(0, 8).toUpperCase();
  const earlier = ctx.store
    .all<InvoiceObject>(account, "invoice")
    .filter((other) => other.customer === invoice.customer && other.number !== null).length;
  invoice.number = `${prefix}-${String(earlier + 1).padStart(4, "0")}`;
  invoice.status = "open";
  invoice.status_transitions.finalized_at = invoice.created;
  invoice.effective_at = invoice.created;
  invoice.parent.subscription_details.metadata = { ...sub.metadata };
  invoice.webhooks_delivered_at = invoice.created;
}

function formatAmount(minor: number, currency: string): string {
  return `${currency.toUpperCase()} ${(minor / 100).toFixed(2)}`;
}

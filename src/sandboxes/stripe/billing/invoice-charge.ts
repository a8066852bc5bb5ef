import type { StripeSandboxContext } from "../context.ts";
import { base62, newId } from "../core/ids.ts";
import type { StripeObject } from "../state/types.ts";
import type { InvoiceObject } from "./invoice-model.ts";

/**
 * The PaymentIntent and Charge that pay a subscription invoice, in Stripe's shapes, stored so the
 * payment-intent, charge and refund endpoints read and refund them like any other. At this API version
 * neither carries an `invoice` field, and neither carries the payment link's metadata.
 */
export function buildInvoicePaymentIntent(
  invoice: InvoiceObject,
  method: { id: string; type: "card" | "us_bank_account" },
): StripeObject {
  const id = newId("pi");
  return {
    id,
    object: "payment_intent",
    amount: invoice.amount_due,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic",
    client_secret: `${id}_secret_${base62(25)}`,
    confirmation_method: "automatic",
    created: invoice.created,
    currency: invoice.currency,
    customer: invoice.customer,
    customer_account: null,
    description: invoice.billing_reason === "subscription_create" ? "Subscription creation" : "Subscription update",
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: method.id,
    payment_method_configuration_details: null,
    payment_method_options: method.type === "card" ? { card: { request_three_d_secure: "automatic" } } : {},
    payment_method_types: [method.type],
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: "off_session",
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "requires_confirmation",
    transfer_data: null,
    transfer_group: null,
  };
}

export function buildInvoiceCharge(
  ctx: StripeSandboxContext,
  account: string,
  intent: StripeObject,
  method: { id: string; type: "card" | "us_bank_account" },
  outcome: "succeeded" | "pending" | "failed",
  created: number,
): StripeObject {
  const id = newId("ch");
  const paid = outcome === "succeeded";
  const customer = ctx.store.find(account, String(intent.customer));
  const stored = ctx.store.find(account, method.id);
  return {
    id,
    object: "charge",
    amount: intent.amount,
    amount_captured: outcome === "failed" ? 0 : intent.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    // Set when the charge succeeds, to the balance transaction made then (invoice-payment.ts).
    balance_transaction: null,
    billing_details: {
      address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
      email: customer?.email ?? null,
      name: customer?.name ?? null,
      phone: null,
      tax_id: null,
    },
    calculated_statement_descriptor: "SETTLE SANDBOX",
    captured: outcome !== "failed",
    created,
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: outcome === "failed" ? "insufficient_funds" : null,
    failure_message: outcome === "failed" ? "The account has insufficient funds to cover this payment." : null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: outcome === "failed" ? "declined_by_network" : "approved_by_network",
      reason: outcome === "failed" ? "insufficient_funds" : null,
      risk_level: "normal",
      seller_message:
        outcome === "failed" ? "The bank returned the decline code `insufficient_funds`." : "Payment complete.",
      type: outcome === "failed" ? "issuer_declined" : "authorized",
    },
    paid,
    payment_intent: intent.id,
    payment_method: method.id,
    payment_method_details: methodDetails(method, stored),
    receipt_email: null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: { object: "list", data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: outcome,
    transfer_data: null,
    transfer_group: null,
  };
}

/** The payment method's details, from the stored PaymentMethod when checkout saved one, else test defaults. */
function methodDetails(method: { type: string }, stored: StripeObject | undefined): Record<string, unknown> {
  const own = stored?.[method.type];
  if (method.type === "card") {
    const card = (own ?? {}) as Record<string, unknown>;
    return {
      card: {
        brand: card.brand ?? "visa",
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: null },
        country: card.country ?? "US",
        exp_month: card.exp_month ?? 12,
        exp_year: card.exp_year ?? 2034,
        fingerprint: card.fingerprint ?? base62(16),
        funding: card.funding ?? "credit",
        last4: card.last4 ?? "4242",
        mandate: null,
        network: card.brand ?? "visa",
        network_token: { used: false },
        three_d_secure: null,
        wallet: null,
      },
      type: "card",
    };
  }
  const bank = (own ?? {}) as Record<string, unknown>;
  return {
    type: "us_bank_account",
    us_bank_account: {
      account_holder_type: bank.account_holder_type ?? "individual",
      account_type: bank.account_type ?? "checking",
      bank_name: bank.bank_name ?? "STRIPE TEST BANK",
      fingerprint: bank.fingerprint ?? base62(16),
      last4: bank.last4 ?? "6789",
      mandate: null,
      payment_reference: null,
      routing_number: bank.routing_number ?? "110000000",
    },
  };
}

import { nowSeconds, type StripeSandboxContext } from "../context.ts";
import { base62, newId } from "../core/ids.ts";
import type { StripeObject } from "../state/types.ts";
import type { Instrument } from "./test-instruments.ts";

/** The wire objects a payment makes, built with every field Stripe's current API version renders. */

export interface CustomerObject extends StripeObject {
  object: "customer";
  email: string | null;
  name: string | null;
  metadata: Record<string, string>;
}

export interface PaymentIntentObject extends StripeObject {
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: string;
  customer: string | null;
  latest_charge: string | null;
  metadata: Record<string, string>;
  payment_method: string | null;
  status: "requires_payment_method" | "processing" | "succeeded" | "canceled";
  last_payment_error: Record<string, unknown> | null;
}

export interface ChargeObject extends StripeObject {
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  currency: string;
  customer: string | null;
  metadata: Record<string, string>;
  paid: boolean;
  payment_intent: string | null;
  refunded: boolean;
  status: "succeeded" | "pending" | "failed";
  payment_method_details: { type: string; [key: string]: unknown };
}

const ADDRESS = { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };

export function newCustomer(ctx: StripeSandboxContext, email: string | null, name: string | null): CustomerObject {
  return {
    id: newId("cus").slice(0, 18),
    object: "customer",
    address: null,
    balance: 0,
    created: nowSeconds(ctx),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email,
    invoice_prefix: base62(8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
    customer_account: null,
  };
}

export function newPaymentMethod(
  ctx: StripeSandboxContext,
  instrument: Instrument,
  email: string | null,
  customer: string | null,
): StripeObject {
  return {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: "limited",
    billing_details: { address: { ...ADDRESS }, email, name: null, phone: null, tax_id: null },
    created: nowSeconds(ctx),
    customer,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: instrument.type,
    [instrument.type]: instrument.details,
  };
}

export function newPaymentIntent(
  ctx: StripeSandboxContext,
  fields: {
    amount: number;
    currency: string;
    customer: string | null;
    metadata: Record<string, string>;
    types: string[];
  },
): PaymentIntentObject {
  const id = newId("pi");
  return {
    id,
    object: "payment_intent",
    allowed_payment_method_types: null,
    amount: fields.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic_async",
    client_secret: `${id}_secret_${base62(25)}`,
    confirmation_method: "automatic",
    created: nowSeconds(ctx),
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    description: null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: { ...fields.metadata },
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: fields.types,
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "requires_payment_method",
    transfer_data: null,
    transfer_group: null,
  };
}

export function newCharge(
  ctx: StripeSandboxContext,
  pi: PaymentIntentObject,
  instrument: Instrument,
  paymentMethod: string,
  email: string | null,
): ChargeObject {
  const id = newId("ch");
  return {
    id,
    object: "charge",
    amount: pi.amount,
    amount_captured: 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: { address: { ...ADDRESS }, email, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: "SETTLE SANDBOX",
    captured: false,
    created: nowSeconds(ctx),
    currency: pi.currency,
    customer: pi.customer,
    description: null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: { ...pi.metadata },
    on_behalf_of: null,
    outcome: null,
    paid: false,
    payment_intent: pi.id,
    payment_method: paymentMethod,
    payment_method_details: { type: instrument.type, [instrument.type]: instrument.chargeDetails },
    receipt_email: null,
    receipt_number: null,
    receipt_url: `https://pay.stripe.com/receipts/payment/${base62(60)}`,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "pending",
    transfer_data: null,
    transfer_group: null,
  };
}

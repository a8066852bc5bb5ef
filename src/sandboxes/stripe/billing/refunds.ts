import { nowSeconds, type StripeSandboxContext } from "../context.ts";
import { invalidRequest } from "../core/errors.ts";
import { newId } from "../core/ids.ts";
import type { EventCause } from "../events/event-bus.ts";
import type { StripeObject } from "../state/types.ts";
import { newBalanceTransaction } from "./balance-transactions.ts";
import { formatAmount } from "./money.ts";
import type { ChargeObject, PaymentIntentObject } from "./objects.ts";

export interface RefundInput {
  paymentIntent?: string;
  charge?: string;
  amount?: number;
  reason?: "duplicate" | "fraudulent" | "requested_by_customer";
  metadata?: Record<string, string>;
}

export const REFUND_REASONS = ["duplicate", "fraudulent", "requested_by_customer"] as const;

/**
 * Refunds a succeeded charge (named directly or through its PaymentIntent), in full or in part; test-mode
 * refunds succeed at once. Events `refund.created`, `charge.refunded`, `charge.refund.updated`.
 */
export function createRefund(
  ctx: StripeSandboxContext,
  account: string,
  input: RefundInput,
  cause?: EventCause,
): StripeObject {
  const charge = chargeFor(ctx, account, input);
  if (charge.refunded) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, undefined, "charge_already_refunded");
  }
  if (charge.status !== "succeeded") {
    throw invalidRequest(
      `Charge ${charge.id} has not succeeded and cannot be refunded.`,
      input.charge ? "charge" : "payment_intent",
    );
  }
  const remaining = charge.amount - charge.amount_refunded;
  const amount = input.amount ?? remaining;
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
      "amount",
    );
  }
  const bank = charge.payment_method_details.type !== "card";
  const refund: StripeObject = {
    id: newId("re"),
    object: "refund",
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: nowSeconds(ctx),
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    destination_details: bank
      ? { type: "us_bank_transfer", us_bank_transfer: { reference: null, reference_status: "pending" } }
      : {
          type: "card",
          card: {
            reference: null,
            reference_status: "pending",
            reference_type: "acquirer_reference_number",
            type: "refund",
          },
        },
    metadata: { ...(input.metadata ?? {}) },
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: input.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
  const txn = newBalanceTransaction(ctx, {
    amount: -amount,
    currency: charge.currency,
    source: refund.id,
    type: "refund",
    bank,
  });
  ctx.store.insert(account, txn);
  refund.balance_transaction = txn.id;
  ctx.store.insert(account, refund);
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded >= charge.amount;
  ctx.store.changed();
  const options = cause ? { cause } : {};
  ctx.events.emit(account, "refund.created", refund, options);
  ctx.events.emit(account, "charge.refunded", charge, { ...options, previous });
  ctx.events.emit(account, "charge.refund.updated", refund, options);
  return refund;
}

function chargeFor(ctx: StripeSandboxContext, account: string, input: RefundInput): ChargeObject {
  if (!input.charge && !input.paymentIntent) {
    throw invalidRequest(
      "One of the following params should be provided for this request: payment_intent or charge.",
      undefined,
      "parameter_missing",
    );
  }
  if (input.charge) {
    const charge = ctx.store.get<ChargeObject>(account, input.charge, "charge", "charge");
    if (input.paymentIntent && charge.payment_intent !== input.paymentIntent) {
      throw invalidRequest(
        `Charge ${charge.id} does not belong to PaymentIntent ${input.paymentIntent}.`,
        "payment_intent",
      );
    }
    return charge;
  }
  const pi = ctx.store.get<PaymentIntentObject>(account, input.paymentIntent ?? "", "payment_intent", "payment_intent");
  const charge = pi.latest_charge ? ctx.store.find<ChargeObject>(account, pi.latest_charge, "charge") : undefined;
  if (!charge || (charge.status !== "succeeded" && !charge.refunded)) {
    throw invalidRequest(
      `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
      "payment_intent",
    );
  }
  return charge;
}

import { nowSeconds, type StripeSandboxContext } from "../context.ts";
import { newId } from "../core/ids.ts";
import type { StripeObject } from "../state/types.ts";

/** Card fees as Stripe's US standard pricing (2.9% + 30¢), ACH debits 0.8% capped at $5. */
export function newBalanceTransaction(
  ctx: StripeSandboxContext,
  fields: { amount: number; currency: string; source: string; type: "charge" | "payment" | "refund"; bank: boolean },
): StripeObject {
  const fee =
    fields.type === "refund"
      ? 0
      : fields.bank
        ? Math.min(Math.round(fields.amount * 0.008), 500)
        : Math.round(fields.amount * 0.029) + 30;
  const created = nowSeconds(ctx);
  return {
    id: newId("txn"),
    object: "balance_transaction",
    amount: fields.amount,
    available_on: created + 2 * 86400,
    balance_type: "payments",
    created,
    currency: fields.currency,
    description: null,
    exchange_rate: null,
    fee,
    fee_details: fee
      ? [
          {
            amount: fee,
            application: null,
            currency: fields.currency,
            description: "Stripe processing fees",
            type: "stripe_fee",
          },
        ]
      : [],
    net: fields.amount - fee,
    reporting_category: fields.type === "refund" ? "refund" : "charge",
    source: fields.source,
    status: "pending",
    type: fields.type,
  };
}

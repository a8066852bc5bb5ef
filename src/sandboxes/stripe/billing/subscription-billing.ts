import type { StripeSandboxContext } from "../context.ts";
import type { StripeObject } from "../state/types.ts";

/** A bank debit on its way: it settles (or fails) when the sandbox clock reaches `settleAtMs`. */
export interface PendingDebit {
  invoice: string;
  paymentIntent: string;
  settleAtMs: number;
  succeeds: boolean;
  /** The checkout session the first invoice came from, which learns the outcome too. */
  session: string | null;
}

/**
 * What the sandbox remembers about a subscription that Stripe keeps to itself: how it is paid (the test
 * payment method's kind and whether its debits succeed), how many periods have been billed (the renewal
 * dates are counted from the anchor, so month-end clamping never drifts) and debits still settling. Kept
 * in the object table under a type no API route lists, so it is saved and restored with everything else.
 */
export interface SubscriptionBilling extends StripeObject {
  object: "sandbox.subscription_billing";
  subscription: string;
  paymentMethodType: "card" | "us_bank_account";
  paymentMethodId: string;
  succeeds: boolean;
  /** Periods whose invoices exist: 1 after checkout. */
  periodsBilled: number;
  pending: PendingDebit[];
}

export const BILLING_TYPE = "sandbox.subscription_billing";

export function billingId(subscriptionId: string): string {
  return `sbxbill_${subscriptionId}`;
}

export function billingOf(
  ctx: StripeSandboxContext,
  account: string,
  subscriptionId: string,
): SubscriptionBilling | undefined {
  return ctx.store.find<SubscriptionBilling>(account, billingId(subscriptionId), BILLING_TYPE);
}

/** Whether invoice events of a checkout's first invoice go out before `checkout.session.completed`. */
const eventOrder = new WeakMap<StripeSandboxContext, "invoice_first" | "session_first">();

/**
 * Stripe does not promise the order: the first `invoice.paid` often reaches an endpoint before
 * `checkout.session.completed`. The console and tests choose; the default is invoice events first.
 */
export function setFirstInvoiceEventOrder(ctx: StripeSandboxContext, order: "invoice_first" | "session_first"): void {
  eventOrder.set(ctx, order);
}

export function firstInvoiceEventOrder(ctx: StripeSandboxContext): "invoice_first" | "session_first" {
  return eventOrder.get(ctx) ?? "invoice_first";
}

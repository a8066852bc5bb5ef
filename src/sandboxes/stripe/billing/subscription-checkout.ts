import type { StripeSandboxContext } from "../context.ts";
import type { StripeObject } from "../state/types.ts";

/** How the payer paid at checkout: a card (always settles at once) or a bank debit (settles on the clock). */
export type CheckoutPaymentMethod =
  | { type: "card"; paymentMethodId: string }
  | { type: "us_bank_account"; paymentMethodId: string; succeeds: boolean };

export interface SubscriptionCheckoutInput {
  account: string;
  /** The completed checkout session (mode "subscription"), before its completion event is emitted. */
  session: StripeObject;
  customerId: string;
  /** The session's recurring line items: price ids with quantities. */
  items: Array<{ price: string; quantity: number }>;
  /** The link's `subscription_data.metadata` (copied onto the subscription). */
  metadata: Record<string, string>;
  paymentMethod: CheckoutPaymentMethod;
}

export interface SubscriptionCheckoutResult {
  subscriptionId: string;
  /** The first period's invoice. */
  invoiceId: string;
}

/**
 * Subscription mode of a checkout: creates the subscription and its first invoice, and charges it
 * (events `customer.subscription.created`, `invoice.*`; `invoice.paid` may come before the session's
 * `checkout.session.completed`, as on Stripe). Later periods are billed on the sandbox clock.
 */
export function startSubscriptionFromCheckout(
  _ctx: StripeSandboxContext,
  _input: SubscriptionCheckoutInput,
): SubscriptionCheckoutResult {
  throw new Error("Subscriptions are not available in this sandbox yet.");
}

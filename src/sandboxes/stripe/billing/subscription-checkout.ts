import { nowSeconds, type StripeSandboxContext } from "../context.ts";
import { invalidRequest } from "../core/errors.ts";
import type { PriceObject } from "../resources/prices.ts";
import type { StripeObject } from "../state/types.ts";
import { buildInvoice, finalizeInvoice } from "./invoice-model.ts";
import { chargeInvoice, type Emission } from "./invoice-payment.ts";
import { BILLING_TYPE, billingId, firstInvoiceEventOrder, type SubscriptionBilling } from "./subscription-billing.ts";
import { buildSubscription, type SubscriptionItemObject } from "./subscription-model.ts";
import { periodBoundary } from "./subscription-periods.ts";

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
  /**
   * Overrides the sandbox-wide order (`setFirstInvoiceEventOrder`, default "invoice_first"): whether the
   * first invoice's payment events go out before the session's `checkout.session.completed`.
   */
  eventOrder?: "invoice_first" | "session_first";
}

export interface SubscriptionCheckoutResult {
  subscriptionId: string;
  /** The first period's invoice. */
  invoiceId: string;
  /**
   * False for a bank debit: the session completes with `payment_status` "unpaid"; when the debit settles on
   * the sandbox clock, billing marks the session paid and emits `checkout.session.async_payment_succeeded`
   * (or `_failed`) for it itself.
   */
  paid: boolean;
  /**
   * The caller MUST call this right after emitting `checkout.session.completed`. With the "session_first"
   * order it emits the first invoice's payment events (`charge.succeeded`, `payment_intent.succeeded`,
   * `invoice.paid`, `invoice.payment_succeeded`); with "invoice_first" (the default) they have already gone
   * out and it does nothing.
   */
  afterSessionCompleted(): void;
}

/**
 * Subscription mode of a checkout: creates the subscription (active, its first period starting now) and
 * its first invoice (`subscription_create`), finalizes it and charges it. Events, in order:
 * `customer.subscription.created`, `invoice.created`, `invoice.finalized`, then the payment's (see
 * `afterSessionCompleted`). Later periods are billed on the sandbox clock (renewals.ts).
 */
export function startSubscriptionFromCheckout(
  ctx: StripeSandboxContext,
  input: SubscriptionCheckoutInput,
): SubscriptionCheckoutResult {
  const { account } = input;
  const now = nowSeconds(ctx);
  const prices = input.items.map(({ price, quantity }) => {
    const found = ctx.store.get<PriceObject>(account, price, "price");
    if (!found.recurring) throw invalidRequest(`The price ${price} is not recurring.`, "line_items");
    return { price: found as SubscriptionItemObject["price"], quantity };
  });
  const first = prices[0];
  if (!first) throw invalidRequest("A subscription needs at least one recurring price.", "line_items");
  const periodEnd = periodBoundary(now, first.price.recurring, 1);
  const subscription = buildSubscription({
    customer: input.customerId,
    prices,
    metadata: input.metadata,
    defaultPaymentMethod: input.paymentMethod.paymentMethodId,
    paymentMethodType: input.paymentMethod.type,
    now,
    periodEnd,
  });
  const billing: SubscriptionBilling = {
    id: billingId(subscription.id),
    object: BILLING_TYPE,
    created: now,
    subscription: subscription.id,
    paymentMethodType: input.paymentMethod.type,
    paymentMethodId: input.paymentMethod.paymentMethodId,
    succeeds: input.paymentMethod.type === "card" ? true : input.paymentMethod.succeeds,
    periodsBilled: 1,
    pending: [],
  };
  const invoice = buildInvoice(ctx, account, {
    subscription,
    reason: "subscription_create",
    at: now,
    invoicePeriod: { start: now, end: now },
    linePeriod: { start: now, end: periodEnd },
  });
  subscription.latest_invoice = invoice.id;
  ctx.store.insert(account, subscription);
  ctx.store.insert(account, billing);
  ctx.store.insert(account, invoice);
  ctx.events.emit(account, "customer.subscription.created", subscription);
  ctx.events.emit(account, "invoice.created", invoice);
  finalizeInvoice(ctx, account, invoice, subscription);
  ctx.events.emit(account, "invoice.finalized", invoice);
  const sessionId = typeof input.session.id === "string" ? input.session.id : null;
  const { paid, emissions } = chargeInvoice(ctx, account, invoice, billing, sessionId);
  const order = input.eventOrder ?? firstInvoiceEventOrder(ctx);
  let deferred: Emission[] = [];
  if (order === "invoice_first") for (const emit of emissions) emit();
  else deferred = emissions;
  return {
    subscriptionId: subscription.id,
    invoiceId: invoice.id,
    paid,
    afterSessionCompleted() {
      const pending = deferred;
      deferred = [];
      for (const emit of pending) emit();
    },
  };
}

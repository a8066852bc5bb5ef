import type Stripe from "stripe";
import type { PaymentLogStatus } from "../../db/schema/payments.ts";
import { fromStripeAmount } from "../../lib/money.ts";
import type { PaymentFact } from "./port.ts";

/**
 * Stripe objects → PaymentFacts. Webhook events and the manual sync both come through these functions, so a
 * payment reads the same whichever way Settle learns of it.
 */

type Meta = Stripe.Metadata | null | undefined;

function refsOf(metadata: Meta): PaymentFact["refs"] {
  const refs: PaymentFact["refs"] = {};
  if (metadata?.settle_workspace_id) refs.workspaceId = metadata.settle_workspace_id;
  if (metadata?.settle_invoice_id) refs.invoiceId = metadata.settle_invoice_id;
  if (metadata?.settle_opportunity_id) refs.opportunityId = metadata.settle_opportunity_id;
  return refs;
}

const idOf = (value: string | { id: string } | null | undefined): string | undefined =>
  value == null ? undefined : typeof value === "string" ? value : value.id;

function money(amount: number | null | undefined, currency: string | null | undefined) {
  const code = (currency ?? "usd").toUpperCase();
  return { amount: fromStripeAmount(amount ?? 0, code), currency: code };
}

const at = (seconds: number | null | undefined, fallback: Date) => (seconds ? new Date(seconds * 1000) : fallback);

/** A completed checkout: paid now (card), or processing until a bank debit settles or fails. */
export function factFromSession(session: Stripe.Checkout.Session, eventType: string, when: Date): PaymentFact | null {
  if (session.status !== "complete") return null;
  const invoice = idOf(session.invoice);
  const intent = idOf(session.payment_intent);
  const status: PaymentLogStatus =
    eventType === "checkout.session.async_payment_failed"
      ? "failed"
      : session.payment_status === "paid" || session.payment_status === "no_payment_required"
        ? "succeeded"
        : "processing";
  const key = intent ?? invoice ?? session.id;
  return {
    kind: "payment",
    key,
    status,
    ...money(session.amount_total, session.currency),
    occurredAt: when,
    payerEmail: session.customer_details?.email ?? null,
    payerName: session.customer_details?.name ?? null,
    refs: refsOf(session.metadata),
    ids: {
      checkoutSessionId: session.id,
      ...(intent ? { paymentIntentId: intent } : {}),
      ...(invoice ? { stripeInvoiceId: invoice } : {}),
      ...(idOf(session.subscription) ? { subscriptionId: idOf(session.subscription) } : {}),
      ...(idOf(session.payment_link) ? { paymentLinkId: idOf(session.payment_link) } : {}),
    },
  };
}

const INTENT_STATUS: Partial<Record<Stripe.PaymentIntent.Status, PaymentLogStatus>> = {
  succeeded: "succeeded",
  processing: "processing",
  canceled: "canceled",
};

export function factFromPaymentIntent(intent: Stripe.PaymentIntent, when: Date): PaymentFact | null {
  const status =
    INTENT_STATUS[intent.status] ??
    (intent.status === "requires_payment_method" && intent.last_payment_error ? "failed" : undefined);
  if (!status) return null;
  const charge = idOf(intent.latest_charge);
  return {
    kind: "payment",
    key: intent.id,
    status,
    ...money(intent.status === "succeeded" ? intent.amount_received : intent.amount, intent.currency),
    occurredAt: when,
    payerEmail: intent.receipt_email ?? null,
    payerName: null,
    refs: refsOf(intent.metadata),
    ids: { paymentIntentId: intent.id, ...(charge ? { chargeId: charge } : {}) },
  };
}

export function factFromCharge(charge: Stripe.Charge, when: Date): PaymentFact | null {
  const status: PaymentLogStatus | undefined =
    charge.status === "succeeded" ? "succeeded" : charge.status === "failed" ? "failed" : "processing";
  const intent = idOf(charge.payment_intent);
  return {
    kind: "payment",
    key: intent ?? charge.id,
    status,
    ...money(charge.amount, charge.currency),
    occurredAt: when,
    payerEmail: charge.billing_details?.email ?? charge.receipt_email ?? null,
    payerName: charge.billing_details?.name ?? null,
    refs: refsOf(charge.metadata),
    ids: { chargeId: charge.id, ...(intent ? { paymentIntentId: intent } : {}) },
  };
}

const REFUND_STATUS: Record<string, PaymentLogStatus> = {
  succeeded: "succeeded",
  pending: "pending",
  requires_action: "pending",
  failed: "failed",
  canceled: "canceled",
};

/** Refunds carry no metadata of their own: Settle finds their invoice through the payment they refund. */
export function factFromRefund(refund: Stripe.Refund, when: Date): PaymentFact {
  const intent = idOf(refund.payment_intent);
  const charge = idOf(refund.charge);
  return {
    kind: "refund",
    key: refund.id,
    status: REFUND_STATUS[refund.status ?? "pending"] ?? "pending",
    ...money(refund.amount, refund.currency),
    occurredAt: at(refund.created, when),
    payerEmail: null,
    payerName: null,
    refs: refsOf(refund.metadata),
    ids: {
      refundId: refund.id,
      ...(intent ? { paymentIntentId: intent } : {}),
      ...(charge ? { chargeId: charge } : {}),
    },
  };
}

/** A subscription period's invoice (Stripe's): each one is a payment against the same Settle invoice. */
export function factFromStripeInvoice(invoice: Stripe.Invoice, eventType: string, when: Date): PaymentFact | null {
  const details = invoice.parent?.subscription_details;
  const subscription = idOf(details?.subscription);
  const status: PaymentLogStatus | undefined =
    invoice.status === "paid"
      ? "succeeded"
      : eventType === "invoice.payment_failed"
        ? "failed"
        : invoice.status === "open" && invoice.attempted
          ? "processing"
          : undefined;
  if (!status || !invoice.id) return null;
  return {
    kind: "payment",
    key: invoice.id,
    status,
    ...money(status === "succeeded" ? invoice.amount_paid : invoice.amount_due, invoice.currency),
    occurredAt: at(invoice.status_transitions?.paid_at, when),
    payerEmail: invoice.customer_email ?? null,
    payerName: invoice.customer_name ?? null,
    refs: refsOf(details?.metadata),
    ids: { stripeInvoiceId: invoice.id, ...(subscription ? { subscriptionId: subscription } : {}) },
  };
}

const SUBSCRIPTION_STATUS: Record<Stripe.Subscription.Status, PaymentLogStatus> = {
  active: "active",
  trialing: "active",
  past_due: "past_due",
  unpaid: "unpaid",
  canceled: "canceled",
  incomplete: "incomplete",
  incomplete_expired: "canceled",
  paused: "canceled",
};

export function factFromSubscription(subscription: Stripe.Subscription, when: Date): PaymentFact {
  const items = subscription.items?.data ?? [];
  const total = items.reduce((sum, item) => sum + (item.price?.unit_amount ?? 0) * (item.quantity ?? 1), 0);
  return {
    kind: "subscription",
    key: subscription.id,
    status: SUBSCRIPTION_STATUS[subscription.status] ?? "active",
    ...money(total, subscription.currency),
    occurredAt: when,
    payerEmail: null,
    payerName: null,
    refs: refsOf(subscription.metadata),
    ids: { subscriptionId: subscription.id },
  };
}

/** The facts one Stripe event reports; events Settle does not act on report none. */
export function factsFromEvent(event: Stripe.Event): PaymentFact[] {
  const when = new Date(event.created * 1000);
  const object = event.data.object as unknown;
  const type = event.type as string;
  const one = (fact: PaymentFact | null) => (fact ? [fact] : []);
  if (type.startsWith("checkout.session.")) return one(factFromSession(object as Stripe.Checkout.Session, type, when));
  if (type.startsWith("payment_intent.")) return one(factFromPaymentIntent(object as Stripe.PaymentIntent, when));
  if (type === "charge.refunded") {
    const refunds = (object as Stripe.Charge).refunds?.data ?? [];
    return refunds.map((refund) => factFromRefund(refund, when));
  }
  if (type === "charge.succeeded" || type === "charge.failed" || type === "charge.pending") {
    return one(factFromCharge(object as Stripe.Charge, when));
  }
  if (type.startsWith("refund.") || type === "charge.refund.updated") {
    return [factFromRefund(object as Stripe.Refund, when)];
  }
  if (type === "invoice.paid" || type === "invoice.payment_succeeded" || type === "invoice.payment_failed") {
    return one(factFromStripeInvoice(object as Stripe.Invoice, type, when));
  }
  if (type.startsWith("customer.subscription.")) return [factFromSubscription(object as Stripe.Subscription, when)];
  return [];
}

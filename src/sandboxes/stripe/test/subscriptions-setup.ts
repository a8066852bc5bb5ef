import type Stripe from "stripe";
import {
  type CheckoutPaymentMethod,
  type SubscriptionCheckoutResult,
  startSubscriptionFromCheckout,
} from "../billing/subscription-checkout.ts";
import { newId } from "../core/ids.ts";
import type { StripeEvent } from "../events/event-bus.ts";
import type { StripeHarness } from "./harness.ts";

/**
 * Starts a subscription the way a subscription-mode checkout does, with a customer and a completed
 * session made directly in the store: what the checkout's own code hands to `startSubscriptionFromCheckout`.
 */
export async function subscribe(
  h: StripeHarness,
  options: {
    recurring?: Stripe.PriceCreateParams.Recurring;
    amount?: number;
    metadata?: Record<string, string>;
    paymentMethod?: CheckoutPaymentMethod;
    eventOrder?: "invoice_first" | "session_first";
    quantity?: number;
  } = {},
): Promise<SubscriptionCheckoutResult & { price: Stripe.Price; customerId: string; sessionId: string }> {
  const price = await h.stripe.prices.create({
    currency: "usd",
    unit_amount: options.amount ?? 49_00,
    recurring: options.recurring ?? { interval: "month" },
    product_data: { name: "Retainer" },
  });
  const ctx = h.sandbox.admin.ctx;
  const account = h.sandbox.platformAccountId;
  const customerId = newId("cus");
  ctx.store.insert(account, { id: customerId, object: "customer", email: "payer@example.com", name: "Ada Payer" });
  const sessionId = newId("cs");
  const session = ctx.store.insert(account, {
    id: sessionId,
    object: "checkout.session",
    mode: "subscription",
    status: "complete",
    payment_status: "unpaid",
  });
  const result = startSubscriptionFromCheckout(ctx, {
    account,
    session,
    customerId,
    items: [{ price: price.id, quantity: options.quantity ?? 1 }],
    metadata: options.metadata ?? { settle_invoice_id: "inv_1" },
    paymentMethod: options.paymentMethod ?? { type: "card", paymentMethodId: newId("pm") },
    ...(options.eventOrder ? { eventOrder: options.eventOrder } : {}),
  });
  return { ...result, price, customerId, sessionId };
}

/** Event types on the platform account, oldest first, optionally only those about one object. */
export function eventTypes(h: StripeHarness, objectId?: string): string[] {
  return events(h, objectId).map((event) => event.type);
}

export function events(h: StripeHarness, objectId?: string): StripeEvent[] {
  return h.sandbox.admin.ctx.store
    .all<StripeEvent>(h.sandbox.platformAccountId, "event")
    .reverse()
    .filter((event) => !objectId || related(event, objectId));
}

function related(event: StripeEvent, id: string): boolean {
  const object = event.data.object as Record<string, unknown>;
  if (object.id === id || object.subscription === id || object.customer === id) return true;
  const parent = object.parent as { subscription_details?: { subscription?: string } } | undefined;
  return parent?.subscription_details?.subscription === id;
}

export const DAY_MS = 86_400_000;

import type { StripeSandboxContext } from "../context.ts";
import type { EventCause } from "../events/event-bus.ts";
import type { SubscriptionObject } from "./subscription-model.ts";

/** The fields a cancellation touches, copied for `previous_attributes`. */
function cancellationFields(sub: SubscriptionObject): Record<string, unknown> {
  return structuredClone({
    cancel_at: sub.cancel_at,
    cancel_at_period_end: sub.cancel_at_period_end,
    canceled_at: sub.canceled_at,
    cancellation_details: sub.cancellation_details,
  });
}

/** Ends the subscription now (`DELETE /v1/subscriptions/:id`) or at its period end (the clock's work). */
export function endSubscription(
  ctx: StripeSandboxContext,
  account: string,
  sub: SubscriptionObject,
  at: number,
  options: { cause?: EventCause; comment?: string | null; feedback?: string | null } = {},
): void {
  sub.status = "canceled";
  sub.canceled_at ??= at;
  sub.ended_at = at;
  sub.cancel_at_period_end = false;
  sub.cancellation_details = {
    comment: options.comment ?? sub.cancellation_details.comment,
    feedback: options.feedback ?? sub.cancellation_details.feedback,
    reason: "cancellation_requested",
  };
  ctx.store.changed();
  ctx.events.emit(account, "customer.subscription.deleted", sub, options.cause ? { cause: options.cause } : {});
}

/**
 * `cancel_at_period_end`: true schedules the end at the current period's end (Stripe sets `cancel_at`
 * and `canceled_at` at once); false takes it back. Returns the previous attributes, or undefined when
 * nothing changed.
 */
export function setCancelAtPeriodEnd(
  sub: SubscriptionObject,
  value: boolean,
  now: number,
  periodEnd: number,
): Record<string, unknown> | undefined {
  if (sub.cancel_at_period_end === value) return undefined;
  const previous = cancellationFields(sub);
  sub.cancel_at_period_end = value;
  sub.cancel_at = value ? periodEnd : null;
  sub.canceled_at = value ? now : null;
  sub.cancellation_details = { ...sub.cancellation_details, reason: value ? "cancellation_requested" : null };
  return previous;
}

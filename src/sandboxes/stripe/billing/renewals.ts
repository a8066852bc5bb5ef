import type { StripeSandboxContext } from "../context.ts";
import { buildInvoice, finalizeInvoice } from "./invoice-model.ts";
import { chargeInvoice, settleDebits } from "./invoice-payment.ts";
import { billingOf, type SubscriptionBilling } from "./subscription-billing.ts";
import { endSubscription } from "./subscription-cancel.ts";
import { currentPeriod, recurringOf, type SubscriptionObject } from "./subscription-model.ts";
import { periodBoundary } from "./subscription-periods.ts";

/** At most this many periods are billed per subscription in one pass; the next tick carries on. */
const MAX_PERIODS_PER_PASS = 500;

/** Registers subscription renewals and bank-debit settlements with the sandbox clock. */
export function installSubscriptionClockWork(ctx: StripeSandboxContext): void {
  ctx.timeline.register("subscription renewals", (nowMs) => {
    renewDue(ctx, nowMs);
    settleDebits(ctx, nowMs);
  });
}

/**
 * Every live subscription whose period ended by `nowMs` is billed for each period it missed (a clock jump
 * of three months bills three monthly periods, in order), or ends there when it was set to cancel.
 */
export function renewDue(ctx: StripeSandboxContext, nowMs: number): void {
  for (const { account, body: sub } of ctx.store.everywhere<SubscriptionObject>("subscription")) {
    const billing = billingOf(ctx, account, sub.id);
    if (!billing) continue;
    for (let pass = 0; pass < MAX_PERIODS_PER_PASS; pass++) {
      if (sub.status !== "active" && sub.status !== "past_due") break;
      const { end } = currentPeriod(sub);
      if (end * 1000 > nowMs) break;
      if (sub.cancel_at_period_end || (sub.cancel_at !== null && sub.cancel_at <= end)) {
        endSubscription(ctx, account, sub, end);
        break;
      }
      billNextPeriod(ctx, account, sub, billing);
    }
  }
}

/**
 * Moves the subscription into its next period and bills it: `customer.subscription.updated` (with the old
 * periods and latest invoice in `previous_attributes`), `invoice.created`, `invoice.finalized`, then the
 * payment's events. The invoice is dated at the renewal moment, the period boundary.
 */
export function billNextPeriod(
  ctx: StripeSandboxContext,
  account: string,
  sub: SubscriptionObject,
  billing: SubscriptionBilling,
): void {
  const old = currentPeriod(sub);
  const next = periodBoundary(sub.billing_cycle_anchor, recurringOf(sub), billing.periodsBilled + 1);
  const previous = { items: structuredClone(sub.items), latest_invoice: sub.latest_invoice };
  for (const item of sub.items.data) {
    item.current_period_start = old.end;
    item.current_period_end = next;
  }
  billing.periodsBilled += 1;
  const invoice = buildInvoice(ctx, account, {
    subscription: sub,
    reason: "subscription_cycle",
    at: old.end,
    invoicePeriod: old,
    linePeriod: { start: old.end, end: next },
  });
  sub.latest_invoice = invoice.id;
  ctx.store.insert(account, invoice);
  ctx.events.emit(account, "customer.subscription.updated", sub, { previous });
  ctx.events.emit(account, "invoice.created", invoice);
  finalizeInvoice(ctx, account, invoice, sub);
  ctx.events.emit(account, "invoice.finalized", invoice);
  for (const emit of chargeInvoice(ctx, account, invoice, billing).emissions) emit();
}

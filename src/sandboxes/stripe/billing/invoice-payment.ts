import type { StripeSandboxContext } from "../context.ts";
import type { StripeObject } from "../state/types.ts";
import { newBalanceTransaction } from "./balance-transactions.ts";
import { buildInvoiceCharge, buildInvoicePaymentIntent } from "./invoice-charge.ts";
import type { InvoiceObject } from "./invoice-model.ts";
import type { SubscriptionBilling } from "./subscription-billing.ts";
import type { SubscriptionObject } from "./subscription-model.ts";

/** Events not yet emitted, so a caller can choose when they go out relative to its own. */
export type Emission = () => void;

/**
 * Charges an open invoice with the subscription's payment method. A card settles at once: the invoice is
 * paid and the returned emissions are `payment_intent.created`, `charge.succeeded`,
 * `payment_intent.succeeded`, `invoice.paid`, `invoice.payment_succeeded`. A bank debit starts processing
 * (`payment_intent.processing`, `charge.pending`) and settles on the sandbox clock (`settleDebits`).
 */
export function chargeInvoice(
  ctx: StripeSandboxContext,
  account: string,
  invoice: InvoiceObject,
  billing: SubscriptionBilling,
  session: string | null = null,
): { paid: boolean; emissions: Emission[] } {
  const method = { id: billing.paymentMethodId, type: billing.paymentMethodType };
  const intent = buildInvoicePaymentIntent(invoice, method);
  ctx.store.insert(account, intent);
  invoice.attempted = true;
  invoice.attempt_count += 1;
  const created = structuredClone(intent);
  const emissions: Emission[] = [() => ctx.events.emit(account, "payment_intent.created", created)];
  if (invoice.amount_due === 0 || method.type === "card") {
    emissions.push(...settle(ctx, account, invoice, intent, true));
    return { paid: true, emissions };
  }
  const charge = buildInvoiceCharge(ctx, account, intent, method, "pending", invoice.created);
  ctx.store.insert(account, charge);
  intent.status = "processing";
  intent.latest_charge = charge.id;
  intent.processing = { type: "us_bank_account" };
  billing.pending.push({
    invoice: invoice.id,
    paymentIntent: intent.id,
    settleAtMs: ctx.clock.nowMs() + ctx.timing.asyncSettlementMs,
    succeeds: billing.succeeds,
    session,
  });
  ctx.store.changed();
  const processing = structuredClone(intent);
  const pending = structuredClone(charge);
  emissions.push(
    () => ctx.events.emit(account, "payment_intent.processing", processing),
    () => ctx.events.emit(account, "charge.pending", pending),
  );
  return { paid: false, emissions };
}

/** Bank debits whose time has come settle or fail, in the order they were made. */
export function settleDebits(ctx: StripeSandboxContext, nowMs: number): void {
  for (const { account, body: billing } of ctx.store.everywhere<SubscriptionBilling>("sandbox.subscription_billing")) {
    const due = billing.pending.filter((debit) => debit.settleAtMs <= nowMs);
    if (due.length === 0) continue;
    billing.pending = billing.pending.filter((debit) => debit.settleAtMs > nowMs);
    ctx.store.changed();
    for (const debit of due) {
      const invoice = ctx.store.find<InvoiceObject>(account, debit.invoice, "invoice");
      const intent = ctx.store.find(account, debit.paymentIntent, "payment_intent");
      if (!invoice || !intent || invoice.status !== "open") continue;
      for (const emit of settle(ctx, account, invoice, intent, debit.succeeds)) emit();
      if (debit.session) settleSession(ctx, account, debit.session, debit.succeeds);
    }
  }
}

function settle(
  ctx: StripeSandboxContext,
  account: string,
  invoice: InvoiceObject,
  intent: StripeObject,
  succeeds: boolean,
): Emission[] {
  const method = {
    id: String(intent.payment_method),
    type: (intent.payment_method_types as string[])[0] as "card" | "us_bank_account",
  };
  const at = Math.floor(ctx.clock.nowMs() / 1000);
  const previous = typeof intent.latest_charge === "string" ? ctx.store.find(account, intent.latest_charge) : undefined;
  const charge = previous ?? ctx.store.insert(account, buildInvoiceCharge(ctx, account, intent, method, "pending", at));
  const fresh = buildInvoiceCharge(ctx, account, intent, method, succeeds ? "succeeded" : "failed", at);
  Object.assign(charge, { ...fresh, id: charge.id, created: charge.created, refunds: charge.refunds });
  intent.latest_charge = charge.id;
  intent.processing = null;
  if (!succeeds) {
    const chargeCopy = structuredClone(charge);
    intent.status = "requires_payment_method";
    intent.last_payment_error = {
      code: "insufficient_funds",
      decline_code: "insufficient_funds",
      message: charge.failure_message,
      payment_method: { id: method.id, object: "payment_method", type: method.type },
      type: "card_error",
    };
    invoice.next_payment_attempt = null;
    ctx.store.changed();
    const [i, inv] = [structuredClone(intent), structuredClone(invoice)];
    const sub = ctx.store.find<SubscriptionObject>(account, invoice.parent.subscription_details.subscription);
    const emissions: Emission[] = [
      () => ctx.events.emit(account, "charge.failed", chargeCopy),
      () => ctx.events.emit(account, "payment_intent.payment_failed", i),
      () => ctx.events.emit(account, "invoice.payment_failed", inv),
    ];
    if (sub && sub.status === "active") {
      sub.status = "past_due";
      const s = structuredClone(sub);
      emissions.push(() =>
        ctx.events.emit(account, "customer.subscription.updated", s, { previous: { status: "active" } }),
      );
    }
    return emissions;
  }
  const txn = newBalanceTransaction(ctx, {
    amount: Number(charge.amount),
    currency: String(charge.currency),
    source: charge.id,
    type: "charge",
    bank: method.type !== "card",
  });
  ctx.store.insert(account, txn);
  charge.balance_transaction = txn.id;
  const chargeCopy = structuredClone(charge);
  intent.status = "succeeded";
  intent.amount_received = intent.amount;
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.status = "paid";
  invoice.status_transitions.paid_at = at;
  invoice.default_payment_method = null;
  ctx.store.changed();
  const [i, inv] = [structuredClone(intent), structuredClone(invoice)];
  return [
    () => ctx.events.emit(account, "charge.succeeded", chargeCopy),
    () => ctx.events.emit(account, "payment_intent.succeeded", i),
    () => ctx.events.emit(account, "invoice.paid", inv),
    () => ctx.events.emit(account, "invoice.payment_succeeded", inv),
  ];
}

/** The checkout session a bank-debit subscription started from learns the outcome, as on Stripe. */
function settleSession(ctx: StripeSandboxContext, account: string, sessionId: string, succeeded: boolean): void {
  const session = ctx.store.find(account, sessionId, "checkout.session");
  if (!session) return;
  if (succeeded) session.payment_status = "paid";
  ctx.store.changed();
  const type = succeeded ? "checkout.session.async_payment_succeeded" : "checkout.session.async_payment_failed";
  ctx.events.emit(account, type, session);
}

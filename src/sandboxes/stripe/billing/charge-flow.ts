import type { StripeSandboxContext } from "../context.ts";
import { newBalanceTransaction } from "./balance-transactions.ts";
import type { CheckoutSessionObject, PendingSettlement } from "./checkout-types.ts";
import { type ChargeObject, newCharge, newPaymentMethod, type PaymentIntentObject } from "./objects.ts";
import type { Decline, Instrument } from "./test-instruments.ts";

export type AttemptOutcome = "succeeded" | "processing" | "declined";

/**
 * One payment attempt on a PaymentIntent with a test instrument, with Stripe's events in Stripe's order:
 * a card succeeds (`charge.succeeded`, `payment_intent.succeeded`) or is refused (`charge.failed`,
 * `payment_intent.payment_failed`, the PaymentIntent back to `requires_payment_method`); a bank debit
 * starts processing (`payment_intent.processing`, `charge.pending`) and settles on the sandbox clock.
 */
export function attemptPayment(
  ctx: StripeSandboxContext,
  account: string,
  pi: PaymentIntentObject,
  instrument: Instrument,
  email: string | null,
  sessionId: string | null,
): { outcome: AttemptOutcome; charge: ChargeObject; paymentMethod: string } {
  const pm = newPaymentMethod(ctx, instrument, email, pi.customer);
  ctx.store.insert(account, pm);
  const charge = newCharge(ctx, pi, instrument, pm.id, email);
  ctx.store.insert(account, charge);
  pi.payment_method = pm.id;
  pi.latest_charge = charge.id;
  pi.last_payment_error = null;
  if (instrument.type === "card" && instrument.decline) {
    failCharge(ctx, account, pi, charge, instrument.decline, "card_error");
    return { outcome: "declined", charge, paymentMethod: pm.id };
  }
  if (instrument.type === "card") {
    succeedCharge(ctx, account, pi, charge);
    return { outcome: "succeeded", charge, paymentMethod: pm.id };
  }
  pi.status = "processing";
  pi.processing = null;
  ctx.store.changed();
  ctx.events.emit(account, "payment_intent.processing", pi);
  ctx.events.emit(account, "charge.pending", charge);
  ctx.store.insert<PendingSettlement>(account, {
    id: `settle_${charge.id}`,
    object: "sandbox.pending_settlement",
    dueMs: ctx.clock.nowMs() + ctx.timing.asyncSettlementMs,
    paymentIntent: pi.id,
    charge: charge.id,
    session: sessionId,
    decline: instrument.decline ?? null,
  });
  return { outcome: "processing", charge, paymentMethod: pm.id };
}

function succeedCharge(ctx: StripeSandboxContext, account: string, pi: PaymentIntentObject, charge: ChargeObject) {
  const txn = newBalanceTransaction(ctx, {
    amount: charge.amount,
    currency: charge.currency,
    source: charge.id,
    type: "charge",
    bank: charge.payment_method_details.type !== "card",
  });
  ctx.store.insert(account, txn);
  Object.assign(charge, {
    amount_captured: charge.amount,
    balance_transaction: txn.id,
    captured: true,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: "approved_by_network",
      reason: null,
      risk_level: "normal",
      risk_score: 32,
      seller_message: "Payment complete.",
      type: "authorized",
    },
    paid: true,
    status: "succeeded",
  });
  Object.assign(pi, { status: "succeeded", amount_received: pi.amount, last_payment_error: null });
  ctx.store.changed();
  ctx.events.emit(account, "charge.succeeded", charge);
  ctx.events.emit(account, "payment_intent.succeeded", pi);
}

function failCharge(
  ctx: StripeSandboxContext,
  account: string,
  pi: PaymentIntentObject,
  charge: ChargeObject,
  decline: Decline,
  type: "card_error" | "invalid_request_error",
) {
  Object.assign(charge, {
    failure_code: decline.code,
    failure_message: decline.message,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: "declined_by_network",
      reason: decline.declineCode ?? decline.code,
      risk_level: "normal",
      risk_score: 32,
      seller_message: "The bank did not return any further details with this decline.",
      type: "issuer_declined",
    },
    status: "failed",
  });
  pi.status = "requires_payment_method";
  pi.last_payment_error = {
    type,
    charge: charge.id,
    code: decline.code,
    ...(decline.declineCode ? { decline_code: decline.declineCode } : {}),
    doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, "-")}`,
    message: decline.message,
    payment_method: structuredClone(ctx.store.find(account, String(charge.payment_method)) ?? null),
  };
  ctx.store.changed();
  ctx.events.emit(account, "charge.failed", charge);
  ctx.events.emit(account, "payment_intent.payment_failed", pi);
}

/** Bank debits whose settlement time has come succeed or fail, with the session's async events. */
export function settleDueDebits(ctx: StripeSandboxContext, nowMs: number): void {
  const due = ctx.store
    .everywhere<PendingSettlement>("sandbox.pending_settlement")
    .filter(({ body }) => body.dueMs <= nowMs)
    .reverse();
  for (const { account, body } of due) {
    delete ctx.store.state.objects[body.id];
    ctx.store.changed();
    const pi = ctx.store.find<PaymentIntentObject>(account, body.paymentIntent, "payment_intent");
    const charge = ctx.store.find<ChargeObject>(account, body.charge, "charge");
    if (!pi || !charge || charge.status !== "pending") continue;
    const decline = body.decline;
    if (decline) failCharge(ctx, account, pi, charge, decline, "invalid_request_error");
    else succeedCharge(ctx, account, pi, charge);
    const session = body.session
      ? ctx.store.find<CheckoutSessionObject>(account, body.session, "checkout.session")
      : undefined;
    if (!session) continue;
    if (!decline) session.payment_status = "paid";
    ctx.store.changed();
    ctx.events.emit(
      account,
      decline ? "checkout.session.async_payment_failed" : "checkout.session.async_payment_succeeded",
      session,
    );
  }
}

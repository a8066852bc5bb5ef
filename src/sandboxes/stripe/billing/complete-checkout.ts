import type { StripeSandboxContext } from "../context.ts";
import { invalidRequest, noSuch } from "../core/errors.ts";
import { attemptPayment } from "./charge-flow.ts";
import type { CheckoutSessionObject, PaymentLinkObject } from "./checkout-types.ts";
import { lineItemsOf } from "./line-items.ts";
import {
  type ChargeObject,
  newCustomer,
  newPaymentIntent,
  newPaymentMethod,
  type PaymentIntentObject,
} from "./objects.ts";
import { linkInactiveMessage, planOf } from "./sessions.ts";
import { type CheckoutPaymentMethod, startSubscriptionFromCheckout } from "./subscription-checkout.ts";
import { cardError, type PaymentInput, resolveInstrument } from "./test-instruments.ts";

export interface CompleteCheckoutInput {
  sessionId: string;
  email: string | null;
  payment: PaymentInput;
  /** Used when neither the payer nor the session gives an email (the console's test payments). */
  fallbackEmail?: string;
}

export interface CompleteCheckoutResult {
  account: string;
  session: CheckoutSessionObject;
  paymentIntent: PaymentIntentObject | null;
  charge: ChargeObject | null;
  /** Where the payer goes next: the link's redirect or the session's success_url; null for the confirmation page. */
  redirectUrl: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A payer paying an open checkout session, as the hosted page and the console's test API both do. A
 * refused card throws Stripe's 402 card_error and leaves the session open for another try; otherwise the
 * session completes (paid for a card, unpaid while a bank debit settles) with `checkout.session.completed`.
 */
export function completeCheckout(ctx: StripeSandboxContext, input: CompleteCheckoutInput): CompleteCheckoutResult {
  const stored = ctx.store.locate(input.sessionId);
  if (stored?.body.object !== "checkout.session") throw noSuch("checkout session", input.sessionId);
  const account = stored.account;
  const session = stored.body as CheckoutSessionObject;
  if (session.status !== "open") {
    throw invalidRequest(
      session.status === "complete"
        ? "This Checkout Session has already been completed."
        : "This Checkout Session is no longer active.",
      "checkout_session",
      "checkout_session_inactive",
    );
  }
  const link = session.payment_link
    ? ctx.store.find<PaymentLinkObject>(account, session.payment_link, "payment_link")
    : undefined;
  const inactive = link ? linkInactiveMessage(link) : null;
  if (inactive) throw invalidRequest(inactive, "payment_link", "payment_link_inactive");
  const email =
    (input.email ?? "").trim() || session.customer_email || customerEmail(ctx, account, session) || input.fallbackEmail;
  if (!email) throw invalidRequest("Your email is incomplete.", "email", "email_invalid");
  if (!EMAIL.test(email)) throw invalidRequest("Your email address is invalid.", "email", "email_invalid");
  const instrument = resolveInstrument(input.payment);
  if (!session.payment_method_types.includes(instrument.type)) {
    throw invalidRequest(
      `This Checkout Session does not accept the payment method type ${instrument.type}.`,
      "payment_method_types",
    );
  }
  const declines = instrument.type === "card" && instrument.decline;
  const plan = planOf(ctx, account, session.id);

  let pi: PaymentIntentObject | null = null;
  let charge: ChargeObject | null = null;
  let afterCompleted = () => {};
  if (session.mode === "payment") {
    pi = session.payment_intent
      ? (ctx.store.find<PaymentIntentObject>(account, session.payment_intent, "payment_intent") ?? null)
      : null;
    let customer = pi?.customer ?? session.customer;
    if (!declines && !customer && session.customer_creation === "always")
      customer = createCustomer(ctx, account, email);
    if (!pi) {
      pi = newPaymentIntent(ctx, {
        amount: session.amount_total,
        currency: session.currency,
        customer,
        metadata: plan?.paymentIntentMetadata ?? {},
        types: session.payment_method_types,
      });
      ctx.store.insert(account, pi);
      session.payment_intent = pi.id;
      ctx.events.emit(account, "payment_intent.created", pi);
    }
    pi.customer = customer;
    const attempt = attemptPayment(ctx, account, pi, instrument, email, session.id);
    charge = attempt.charge;
    if (attempt.outcome === "declined" && instrument.decline) {
      throw cardError(instrument.decline, { charge: charge.id, payment_intent: { id: pi.id, status: pi.status } });
    }
    finish(ctx, session, email, pi.customer, attempt.outcome === "succeeded");
  } else {
    if (declines && instrument.decline) throw cardError(instrument.decline);
    const customerId = session.customer ?? createCustomer(ctx, account, email);
    const pm = newPaymentMethod(ctx, instrument, email, customerId);
    ctx.store.insert(account, pm);
    session.customer = customerId;
    const paymentMethod: CheckoutPaymentMethod =
      instrument.type === "card"
        ? { type: "card", paymentMethodId: pm.id }
        : { type: "us_bank_account", paymentMethodId: pm.id, succeeds: !instrument.decline };
    const items = lineItemsOf(ctx, account, session.id)
      .filter((item) => item.price.type === "recurring")
      .map((item) => ({ price: item.price.id, quantity: item.quantity }));
    const result = startSubscriptionFromCheckout(ctx, {
      account,
      session,
      customerId,
      items,
      metadata: plan?.subscriptionMetadata ?? {},
      paymentMethod,
    });
    session.subscription = result.subscriptionId;
    session.invoice = result.invoiceId;
    finish(ctx, session, email, customerId, result.paid);
    afterCompleted = () => result.afterSessionCompleted();
  }
  if (link?.restrictions) {
    link.restrictions.completed_sessions.count += 1;
    ctx.store.changed();
  }
  ctx.events.emit(account, "checkout.session.completed", session);
  afterCompleted();
  const target = plan?.redirectUrl ?? session.success_url;
  return {
    account,
    session,
    paymentIntent: pi,
    charge,
    redirectUrl: target ? target.replaceAll("{CHECKOUT_SESSION_ID}", session.id) : null,
  };
}

function finish(
  ctx: StripeSandboxContext,
  session: CheckoutSessionObject,
  email: string,
  customer: string | null,
  paid: boolean,
): void {
  session.status = "complete";
  session.payment_status = paid ? "paid" : "unpaid";
  session.customer = customer;
  session.url = null;
  session.customer_details = {
    address: { city: null, country: "US", line1: null, line2: null, postal_code: null, state: null },
    business_name: null,
    email,
    individual_name: null,
    name: null,
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
  };
  ctx.store.changed();
}

function createCustomer(ctx: StripeSandboxContext, account: string, email: string): string {
  const customer = newCustomer(ctx, email, null);
  ctx.store.insert(account, customer);
  ctx.events.emit(account, "customer.created", customer);
  return customer.id;
}

function customerEmail(ctx: StripeSandboxContext, account: string, session: CheckoutSessionObject): string | null {
  if (!session.customer) return null;
  const customer = ctx.store.find(account, session.customer, "customer");
  return typeof customer?.email === "string" ? customer.email : null;
}

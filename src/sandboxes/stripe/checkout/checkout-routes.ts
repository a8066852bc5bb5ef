import { Hono } from "hono";
import type { CheckoutSessionObject, PaymentLinkObject } from "../billing/checkout-types.ts";
import { completeCheckout } from "../billing/complete-checkout.ts";
import { lineItemsOf } from "../billing/line-items.ts";
import { createSessionFromLink, linkInactiveMessage, planOf } from "../billing/sessions.ts";
import type { PaymentInput } from "../billing/test-instruments.ts";
import type { StripeSandboxContext } from "../context.ts";
import { StripeError } from "../core/errors.ts";
import type { StripeObject } from "../state/types.ts";
import { confirmationPage, type FormValues, notAvailablePage, paymentPage } from "./pages.ts";

/**
 * checkout.stripe.com / buy.stripe.com: the hosted pages a payer opens from a payment link.
 * GET /pay/:token opens a new session for the link and redirects to it; GET /c/:id shows the session (the
 * form, its confirmation, or why it cannot be paid); POST /c/:id pays it.
 */
export function checkoutRoutes(ctx: StripeSandboxContext): Hono {
  const app = new Hono();

  app.get("/pay/:token", (c) => {
    const token = c.req.param("token");
    const found = ctx.store
      .everywhere<PaymentLinkObject>("payment_link")
      .find(({ body }) => body.url.endsWith(`/checkout/pay/${token}`));
    if (!found) return c.html(notAvailablePage("Link not found", "This payment link does not exist."), 404);
    const inactive = linkInactiveMessage(found.body);
    if (inactive) return c.html(notAvailablePage(merchantName(ctx, found.account), inactive));
    const session = createSessionFromLink(ctx, found.account, found.body, {
      clientReferenceId: c.req.query("client_reference_id") ?? null,
      prefilledEmail: c.req.query("prefilled_email") ?? null,
    });
    return c.redirect(`../c/${session.id}`, 303);
  });

  app.get("/c/:id", (c) => {
    const found = sessionOf(ctx, c.req.param("id"));
    if (!found) return c.html(notAvailablePage("Not found", "This checkout session does not exist."), 404);
    const { account, session } = found;
    return c.html(render(ctx, account, session, blankValues(session)));
  });

  app.post("/c/:id", async (c) => {
    const found = sessionOf(ctx, c.req.param("id"));
    if (!found) return c.html(notAvailablePage("Not found", "This checkout session does not exist."), 404);
    const { account, session } = found;
    const form = await c.req.parseBody();
    const text = (key: string) => (typeof form[key] === "string" ? (form[key] as string).trim() : "");
    const values: FormValues = {
      email: text("email"),
      method: text("method") === "us_bank_account" ? "us_bank_account" : "card",
      cardNumber: text("card_number"),
      expiry: text("card_expiry"),
      cvc: text("card_cvc"),
      accountNumber: text("account_number"),
    };
    if (session.status !== "open") return c.html(render(ctx, account, session, values));
    try {
      const payment = paymentFrom(values);
      const result = completeCheckout(ctx, { sessionId: session.id, email: values.email, payment });
      if (result.redirectUrl) return c.redirect(result.redirectUrl, 303);
      return c.redirect(session.id, 303);
    } catch (error) {
      if (!(error instanceof StripeError)) throw error;
      return c.html(render(ctx, account, session, values, error.body.message), statusOf(error) as 400);
    }
  });

  return app;
}

function render(
  ctx: StripeSandboxContext,
  account: string,
  session: CheckoutSessionObject,
  values: FormValues,
  error?: string,
): string {
  const merchant = merchantName(ctx, account);
  if (session.status === "complete") {
    return confirmationPage(merchant, session, planOf(ctx, account, session.id)?.confirmationMessage ?? null);
  }
  if (session.status === "expired") {
    return notAvailablePage(
      merchant,
      "This checkout session has expired. Please return to the merchant and try again.",
    );
  }
  const link = session.payment_link
    ? ctx.store.find<PaymentLinkObject>(account, session.payment_link, "payment_link")
    : undefined;
  const inactive = link ? linkInactiveMessage(link) : null;
  if (inactive) return notAvailablePage(merchant, inactive);
  return paymentPage({
    merchant,
    session,
    items: lineItemsOf(ctx, account, session.id),
    values,
    ...(error ? { error } : {}),
  });
}

/** Card fields as the page collects them: number, `MM / YY` expiry, CVC; or a bank account number. */
function paymentFrom(values: FormValues): PaymentInput {
  if (values.method === "us_bank_account") {
    if (!values.accountNumber) throw pageError("Your bank account number is incomplete.");
    return { type: "us_bank_account", accountNumber: values.accountNumber };
  }
  if (!values.cardNumber) throw pageError("Your card number is incomplete.");
  const expiry = values.expiry.replace(/\s+/g, "").match(/^(\d{1,2})\/(\d{2}|\d{4})$/);
  if (!expiry) throw pageError("Your card's expiration date is incomplete.");
  const month = Number(expiry[1]);
  const year = Number(expiry[2]) < 100 ? 2000 + Number(expiry[2]) : Number(expiry[2]);
  if (month < 1 || month > 12) throw pageError("Your card's expiration date is invalid.");
  const now = new Date();
  if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) {
    throw pageError("Your card's expiration year is in the past.");
  }
  if (!/^\d{3,4}$/.test(values.cvc)) throw pageError("Your card's security code is incomplete.");
  return { type: "card", number: values.cardNumber, expMonth: month, expYear: year, cvc: values.cvc };
}

function pageError(message: string): StripeError {
  return new StripeError(400, { type: "invalid_request_error", message });
}

function statusOf(error: StripeError): number {
  return error.status >= 400 && error.status < 500 ? error.status : 400;
}

function blankValues(session: CheckoutSessionObject): FormValues {
  return {
    email: session.customer_email ?? "",
    method: "card",
    cardNumber: "",
    expiry: "",
    cvc: "",
    accountNumber: "",
  };
}

function sessionOf(ctx: StripeSandboxContext, id: string) {
  const stored = ctx.store.locate(id);
  if (stored?.body.object !== "checkout.session") return undefined;
  return { account: stored.account, session: stored.body as CheckoutSessionObject };
}

/** The name the payer sees: the account's business name (Connect keeps it on the Account object). */
function merchantName(ctx: StripeSandboxContext, account: string): string {
  const found = ctx.store.find<StripeObject>(account, account, "account");
  const profile = found?.business_profile as { name?: string | null } | undefined;
  const dashboard = (found?.settings as { dashboard?: { display_name?: string | null } } | undefined)?.dashboard;
  return (
    profile?.name ||
    dashboard?.display_name ||
    (account === ctx.store.state.platform.accountId ? "Sandbox Platform" : account)
  );
}

/**
 * Console JSON API, payments part (mounted at /sandbox/stripe/console/api, behind the console token):
 *
 *   POST /pay       {"payment_link": "plink_…"} or {"checkout_session": "cs_…"},
 *                   plus "card": "4242424242424242" or "bank_account": "000123456789", optional "email".
 *                   Pays exactly as the hosted page does (a link opens a new session first).
 *                   200 {checkout_session, payment_intent, charge, status: "succeeded"|"processing"|"complete"}
 *                   402 Stripe's card_error envelope for a declined card; 400 for a used-up or inactive link.
 *   POST /refunds   {"payment_intent": "pi_…"} or {"charge": "ch_…"}, optional "amount", "reason", "metadata".
 *                   200 the Refund; 4xx Stripe's error envelope (e.g. charge_already_refunded).
 *   GET  /payments  {payment_intents, charges, refunds}: the 50 newest of each across every account,
 *                   each with its `account`.
 */
import { Hono } from "hono";
import type { StripeSandboxAdmin } from "../admin.ts";
import type { PaymentLinkObject } from "../billing/checkout-types.ts";
import { completeCheckout } from "../billing/complete-checkout.ts";
import { createRefund, REFUND_REASONS, type RefundInput } from "../billing/refunds.ts";
import { createSessionFromLink } from "../billing/sessions.ts";
import type { PaymentInput } from "../billing/test-instruments.ts";
import { invalidRequest, noSuch, StripeError } from "../core/errors.ts";

const RECENT = 50;

export function consolePaymentApi(admin: StripeSandboxAdmin): Hono {
  const app = new Hono();
  const { ctx } = admin;

  app.post("/pay", async (c) => {
    return respond(async () => {
      const body = await jsonBody(c.req.raw);
      const payment = paymentOf(body);
      const email = typeof body.email === "string" ? body.email : null;
      let sessionId = typeof body.checkout_session === "string" ? body.checkout_session : undefined;
      if (!sessionId) {
        const linkId = typeof body.payment_link === "string" ? body.payment_link : undefined;
        if (!linkId) throw invalidRequest("Give a payment_link or a checkout_session.", "payment_link");
        const stored = ctx.store.locate(linkId);
        if (stored?.body.object !== "payment_link") throw noSuch("payment link", linkId, "payment_link");
        sessionId = createSessionFromLink(ctx, stored.account, stored.body as PaymentLinkObject, {}).id;
      }
      const result = completeCheckout(ctx, { sessionId, email, payment, fallbackEmail: "payer@example.com" });
      const status =
        result.session.mode === "subscription"
          ? "complete"
          : result.paymentIntent?.status === "processing"
            ? "processing"
            : "succeeded";
      return {
        status,
        account: result.account,
        checkout_session: result.session,
        payment_intent: result.paymentIntent,
        charge: result.charge,
        redirect_url: result.redirectUrl,
      };
    });
  });

  app.post("/refunds", async (c) => {
    return respond(async () => {
      const body = await jsonBody(c.req.raw);
      const target =
        typeof body.charge === "string"
          ? body.charge
          : typeof body.payment_intent === "string"
            ? body.payment_intent
            : "";
      const stored = ctx.store.locate(target);
      if (!stored) throw noSuch(typeof body.charge === "string" ? "charge" : "payment_intent", target || "(none)");
      const input: RefundInput = {};
      if (typeof body.charge === "string") input.charge = body.charge;
      if (typeof body.payment_intent === "string") input.paymentIntent = body.payment_intent;
      if (body.amount !== undefined) {
        if (!Number.isSafeInteger(body.amount) || (body.amount as number) < 1) {
          throw invalidRequest("amount must be a positive integer in the currency's minor unit.", "amount");
        }
        input.amount = body.amount as number;
      }
      if (typeof body.reason === "string") {
        if (!(REFUND_REASONS as readonly string[]).includes(body.reason))
          throw invalidRequest("Invalid reason.", "reason");
        input.reason = body.reason as RefundInput["reason"];
      }
      if (body.metadata && typeof body.metadata === "object") input.metadata = body.metadata as Record<string, string>;
      return createRefund(ctx, stored.account, input);
    });
  });

  app.get("/payments", (c) => {
    const recent = (type: string) =>
      ctx.store
        .everywhere(type)
        .slice(0, RECENT)
        .map(({ account, body }) => ({ ...body, account }));
    return c.json({
      payment_intents: recent("payment_intent"),
      charges: recent("charge"),
      refunds: recent("refund"),
    });
  });

  return app;
}

function paymentOf(body: Record<string, unknown>): PaymentInput {
  if (typeof body.bank_account === "string") return { type: "us_bank_account", accountNumber: body.bank_account };
  if (typeof body.card === "string") return { type: "card", number: body.card };
  throw invalidRequest('Give a "card" number or a "bank_account" number.', "card");
}

async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  const parsed = (await request.json().catch(() => undefined)) as unknown;
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
    throw invalidRequest("The body must be a JSON object.");
  return parsed as Record<string, unknown>;
}

/** Stripe's error envelope with its status, so the console shows what the API would have said. */
async function respond(work: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await work());
  } catch (error) {
    if (!(error instanceof StripeError)) throw error;
    return Response.json({ error: error.body }, { status: error.status });
  }
}

import { Hono } from "hono";
import { PaymentSignatureError } from "../../integrations/payments/port.ts";
import { AppError } from "../../lib/errors.ts";
import { receiveStripeEvent } from "../../modules/payments/index.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";
import { MAX_BODY_BYTES } from "../errors.ts";
import { declaredBodyLimit } from "../middleware/declared-body-limit.ts";

/**
 * `POST /webhooks/stripe`: the raw body is verified with Stripe's signature (the SDK's constructEvent, five
 * minutes' tolerance); a bad or missing signature is a 400 and nothing is stored. A verified event is
 * stored once by id with its processing queued, and Stripe gets its 2xx before any processing happens.
 */
export function stripeWebhookRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use("*", declaredBodyLimit({ maxSize: MAX_BODY_BYTES }));
  app.post("/", async (c) => {
    if (!deps.payments) {
      throw new AppError("precondition_failed", "Stripe is not configured on this server.", {
        fix: "Set STRIPE_SECRET_KEY, STRIPE_CLIENT_ID and STRIPE_WEBHOOK_SECRET, or SETTLE_SANDBOXES=1.",
      });
    }
    const raw = await c.req.text();
    let event: Awaited<ReturnType<typeof deps.payments.parseWebhook>>;
    try {
      event = await deps.payments.parseWebhook(raw, c.req.header("stripe-signature"));
    } catch (error) {
      if (error instanceof PaymentSignatureError) {
        throw new AppError("invalid_input", `The Stripe signature does not verify: ${error.message}`, {
          issues: [{ field: "Stripe-Signature", message: "missing, malformed, too old or not signed with our secret" }],
        });
      }
      throw error;
    }
    const received = await receiveStripeEvent(deps.db, event, deps.clock.now());
    return c.json({ received: true, duplicate: received.duplicate }, 200);
  });
  return app;
}

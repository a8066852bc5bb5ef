import { Hono } from "hono";
import type { StripeSandboxContext } from "../context.ts";
import { StripeError } from "../core/errors.ts";
import { base62 } from "../core/ids.ts";
import { API_VERSION } from "../options.ts";
import { accountRoutes } from "../resources/accounts.ts";
import { chargeRoutes } from "../resources/charges.ts";
import { checkoutSessionRoutes } from "../resources/checkout-sessions.ts";
import { customerRoutes } from "../resources/customers.ts";
import { eventRoutes } from "../resources/events.ts";
import { invoiceRoutes } from "../resources/invoices.ts";
import { paymentIntentRoutes } from "../resources/payment-intents.ts";
import { paymentLinkRoutes } from "../resources/payment-links.ts";
import { priceRoutes } from "../resources/prices.ts";
import { productRoutes } from "../resources/products.ts";
import { refundRoutes } from "../resources/refunds.ts";
import { subscriptionRoutes } from "../resources/subscriptions.ts";
import { webhookEndpointRoutes } from "../resources/webhook-endpoints.ts";
import { authenticate } from "./authenticate.ts";
import type { ApiEnv } from "./env.ts";
import type { FaultInjector } from "./faults.ts";
import { idempotency } from "./idempotency.ts";
import { parseParams } from "./parse-params.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import type { RequestLog } from "./request-log.ts";

const RESOURCES = [
  accountRoutes,
  productRoutes,
  priceRoutes,
  paymentLinkRoutes,
  checkoutSessionRoutes,
  paymentIntentRoutes,
  chargeRoutes,
  refundRoutes,
  customerRoutes,
  subscriptionRoutes,
  invoiceRoutes,
  eventRoutes,
  webhookEndpointRoutes,
];

/** The API host (`/v1/...`), guarded and metered like Stripe's; every resource is mounted under /v1. */
export function apiRoutes(
  ctx: StripeSandboxContext,
  parts: { faults: FaultInjector; limiter: RateLimiter; log: RequestLog },
): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.onError((error, c) => stripeErrorResponse(error, c.get("requestId")));
  app.notFound((c) =>
    stripeErrorResponse(
      new StripeError(404, {
        type: "invalid_request_error",
        message: `Unrecognized request URL (${c.req.method}: ${new URL(c.req.url).pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      }),
      c.get("requestId"),
    ),
  );
  app.use("/v1/*", parts.log.middleware());
  app.use(
    "/v1/*",
    parseParams(() => `req_${base62(14)}`),
  );
  app.use("/v1/*", async (c, next) => {
    await next();
    c.header("Stripe-Version", c.req.header("stripe-version") ?? API_VERSION);
  });
  app.use("/v1/*", parts.faults.middleware());
  app.use("/v1/*", authenticate(ctx));
  app.use("/v1/*", parts.limiter.middleware());
  app.use("/v1/*", idempotency(ctx));
  for (const routes of RESOURCES) app.route("/v1", routes(ctx));
  return app;
}

export function stripeErrorResponse(error: unknown, requestId: string | undefined): Response {
  const known = error instanceof StripeError;
  if (!known) console.error("[stripe-sandbox]", error);
  const status = known ? error.status : 500;
  const body = known ? error.body : { type: "api_error", message: "An unknown error occurred" };
  const requestLogUrl = requestId ? { request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` } : {};
  return new Response(JSON.stringify({ error: { ...body, ...requestLogUrl } }), {
    status,
    headers: {
      "content-type": "application/json",
      ...(requestId ? { "Request-Id": requestId } : {}),
      ...(known ? error.headers : {}),
    },
  });
}

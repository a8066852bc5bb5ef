import type { MiddlewareHandler } from "hono";
import type { StripeSandboxContext } from "../context.ts";
import { StripeError } from "../core/errors.ts";
import type { ApiEnv } from "./env.ts";

/**
 * Stripe's test-mode rate limit: `perSecond` requests in any rolling second per account (25), then 429
 * `rate_limit` with `Stripe-Should-Retry: true`, which makes the SDK back off and retry on its own.
 */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly ctx: StripeSandboxContext) {}

  reset(): void {
    this.windows.clear();
  }

  middleware(): MiddlewareHandler<ApiEnv> {
    return async (c, next) => {
      const account = c.get("account");
      // Real time, not the sandbox clock: a limit is about how fast the caller calls.
      const now = Date.now();
      const recent = (this.windows.get(account) ?? []).filter((at) => now - at < 1000);
      if (recent.length >= this.ctx.limits.perSecond) {
        this.windows.set(account, recent);
        throw rateLimited();
      }
      recent.push(now);
      this.windows.set(account, recent);
      await next();
    };
  }
}

export function rateLimited(): StripeError {
  return new StripeError(
    429,
    {
      type: "invalid_request_error",
      code: "rate_limit",
      message:
        "Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits.",
      doc_url: "https://stripe.com/docs/error-codes/rate-limit",
    },
    { "Stripe-Should-Retry": "true" },
  );
}

import { AppError } from "../../lib/errors.ts";
import { countProviderCall } from "../../lib/metrics.ts";

type SdkError = { type?: string; statusCode?: number; code?: string; message?: string; param?: string };

/**
 * Every Stripe SDK call goes through here (the SDK itself retries connection errors, 409s and 5xx on keyed
 * writes). Failures become AppError: Stripe's refusal of the request (400/402/404) is the caller's to fix, a
 * revoked account (401/403) asks for reconnection, a 429 says when to retry, anything else is Stripe failing.
 */
export async function callStripe<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await countProviderCall("stripe", fn);
  } catch (error) {
    const e = error as SdkError;
    const status = e.statusCode ?? 0;
    const details = { stripe_status: status, stripe_code: e.code ?? null, stripe_param: e.param ?? null };
    if (status === 401 || status === 403) {
      throw new AppError("precondition_failed", `${what} failed: Stripe no longer lets Settle act for this account.`, {
        fix: "Reconnect Stripe in Settings → Integrations",
        details,
        cause: error,
      });
    }
    if (status === 429) {
      throw new AppError("rate_limited", `Stripe is rate limiting this account; retry in a few seconds.`, {
        details: { ...details, retry_after: 2 },
        cause: error,
      });
    }
    const refused = status === 400 || status === 402 || status === 404;
    const reason = e.message ?? (status ? `Stripe answered ${status}.` : "Stripe did not answer.");
    throw new AppError(refused ? "invalid_input" : "upstream_failed", `${what} failed: ${reason}`, {
      details,
      cause: error,
    });
  }
}

import type { MiddlewareHandler } from "hono";
import type { StripeSandboxContext } from "../context.ts";
import { StripeError } from "../core/errors.ts";
import type { ApiEnv } from "./env.ts";

/**
 * Resolves the account a request acts on, as Stripe does: the secret key (Bearer, or Basic with the key
 * as user name) names an account (the platform's key, or a connected account's legacy OAuth access token);
 * the platform may act on a connected account with `Stripe-Account`.
 */
export function authenticate(ctx: StripeSandboxContext): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = presentedKey(c.req.header("authorization"));
    if (!key) {
      throw unauthorised(
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      );
    }
    const { platform, connected } = ctx.store.state;
    let keyAccount: string | undefined;
    if (key === platform.secretKey) keyAccount = platform.accountId;
    else {
      const owner = Object.values(connected).find((account) => account.accessToken === key);
      if (owner && owner.deauthorizedAtMs === undefined) keyAccount = owner.accountId;
    }
    if (!keyAccount) throw unauthorised(`Invalid API Key provided: ${redact(key)}`);
    const requested = c.req.header("stripe-account");
    if (requested && requested !== keyAccount) {
      const target = connected[requested];
      if (keyAccount !== platform.accountId || !target || target.deauthorizedAtMs !== undefined) {
        throw new StripeError(403, {
          type: "invalid_request_error",
          code: "account_invalid",
          message: `The provided key '${redact(key)}' does not have access to account '${requested}' (or that account does not exist). Application access may have been revoked.`,
        });
      }
    }
    c.set("account", requested ?? keyAccount);
    await next();
  };
}

function presentedKey(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.split(" ", 2);
  if (!value) return undefined;
  if (scheme?.toLowerCase() === "bearer") return value.trim();
  if (scheme?.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    return decoded.split(":", 1)[0];
  }
  return undefined;
}

function redact(key: string): string {
  return `${key.slice(0, 8)}${"*".repeat(Math.max(0, Math.min(key.length - 12, 20)))}${key.slice(-4)}`;
}

function unauthorised(message: string): StripeError {
  return new StripeError(401, { type: "invalid_request_error", message });
}

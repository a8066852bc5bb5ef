import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

type BodyLimitOptions = Parameters<typeof bodyLimit>[0];

/**
 * Hono's bodyLimit, except that a request declaring its length (every Stripe and Xero delivery) is judged by
 * its Content-Length alone. Hono's version first reads `c.req.raw.body`, which makes the Node adapter build a
 * full web Request with a stream over the socket; left untouched, the handler's `c.req.text()` reads the body
 * straight into one buffer. That is about a third of a webhook acknowledgement's work. A body without a
 * declared length, or one declared too large, goes through Hono's check (its 413 included).
 */
export function declaredBodyLimit(options: BodyLimitOptions): MiddlewareHandler {
  const checked = bodyLimit(options);
  return async (c, next) => {
    const declared = c.req.header("content-length");
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined) {
      const length = Number(declared);
      if (Number.isInteger(length) && length >= 0 && length <= options.maxSize) return next();
    }
    return checked(c, next);
  };
}

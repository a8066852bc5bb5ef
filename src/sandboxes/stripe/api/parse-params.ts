import type { MiddlewareHandler } from "hono";
import { invalidRequest } from "../core/errors.ts";
import { parseStripeForm } from "../core/form.ts";
import { Params } from "../core/params.ts";
import type { ApiEnv } from "./env.ts";

/** Bodies the sandbox reads; Stripe's own limit is far above any request Settle makes. */
const MAX_BODY_BYTES = 1_000_000;

/** Decodes the form body (POST) or the query (GET, DELETE) into `params`, and stamps a request id. */
export function parseParams(newRequestId: () => string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const requestId = newRequestId();
    c.set("requestId", requestId);
    c.header("Request-Id", requestId);
    let search = new URL(c.req.url).searchParams;
    if (c.req.method === "POST") {
      const text = await c.req.text();
      if (text.length > MAX_BODY_BYTES) throw invalidRequest("Request body too large.");
      const type = c.req.header("content-type") ?? "";
      if (text && !type.startsWith("application/x-www-form-urlencoded")) {
        throw invalidRequest(
          "Invalid request: the body must be application/x-www-form-urlencoded, as Stripe's API expects.",
        );
      }
      search = new URLSearchParams(text);
    }
    c.set("params", new Params(parseStripeForm(search)));
    c.set("idempotencyKey", c.req.header("idempotency-key"));
    await next();
  };
}

import type { Context } from "hono";
import type { Params } from "../core/params.ts";
import type { EventCause } from "../events/event-bus.ts";

/** What the API middleware resolves before a resource handler runs. */
export type ApiEnv = {
  Variables: {
    /** The account the request acts on: the key's own, or the connected account in `Stripe-Account`. */
    account: string;
    /** The request's parameters: the form body of a POST, the query of a GET or DELETE. */
    params: Params;
    requestId: string;
    idempotencyKey: string | undefined;
  };
};

export type ApiContext = Context<ApiEnv>;

/** For events a request causes: `event.request`. */
export function causeOf(c: ApiContext): EventCause {
  return { id: c.get("requestId"), idempotency_key: c.get("idempotencyKey") ?? null };
}

/** The path the SDK called, for a list's `url` (`/v1/products`), whatever the mount point. */
export function listUrl(c: ApiContext): string {
  const path = new URL(c.req.url).pathname;
  const at = path.indexOf("/v1/");
  return at === -1 ? path : path.slice(at);
}

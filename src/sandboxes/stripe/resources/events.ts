import { Hono } from "hono";
import { type ApiEnv, listUrl } from "../api/env.ts";
import type { StripeSandboxContext } from "../context.ts";
import { invalidRequest } from "../core/errors.ts";
import { LIST_PARAMS, pageOf } from "../core/list.ts";
import type { StripeEvent } from "../events/event-bus.ts";

/** `GET /v1/events` lists the last 30 days only. */
const EVENT_RETENTION_SECONDS = 30 * 24 * 3600;

/**
 * Events on the account the request acts on: a connected account's events need `Stripe-Account` (or its
 * own key), as on Stripe, where fetching a Connect event without it is "No such event".
 */
export function eventRoutes(ctx: StripeSandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get("/events/:id", (c) => {
    c.get("params").only("expand");
    return c.json(ctx.store.get<StripeEvent>(c.get("account"), c.req.param("id"), "event"));
  });

  app.get("/events", (c) => {
    const params = c.get("params").only(...LIST_PARAMS, "type", "types", "delivery_success");
    const type = params.string("type");
    const types = params.strings("types");
    if (type !== undefined && types !== undefined) {
      throw invalidRequest("You may only specify one of these parameters: type, types.", "types");
    }
    if (types && types.length > 20) throw invalidRequest("You may pass at most 20 types.", "types");
    const matchers = (types ?? (type !== undefined ? [type] : [])).map(typeMatcher);
    const deliverySuccess = params.boolean("delivery_success");
    const oldest = Math.floor(ctx.clock.nowMs() / 1000) - EVENT_RETENTION_SECONDS;
    const items = ctx.store
      .all<StripeEvent>(c.get("account"), "event")
      .filter((event) => event.created >= oldest)
      .filter((event) => matchers.length === 0 || matchers.some((matches) => matches(event.type)))
      .filter((event) => deliverySuccess === undefined || (event.pending_webhooks === 0) === deliverySuccess);
    return c.json(pageOf(items, params, listUrl(c)));
  });

  return app;
}

/** `checkout.session.*` matches every type under that prefix; `*` alone every type. */
export function typeMatcher(pattern: string): (type: string) => boolean {
  if (!pattern.includes("*")) return (type) => type === pattern;
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  const regex = new RegExp(`^${source}$`);
  return (type) => regex.test(type);
}

import { Hono } from "hono";
import { type ApiEnv, causeOf, listUrl } from "../api/env.ts";
import { endSubscription, setCancelAtPeriodEnd } from "../billing/subscription-cancel.ts";
import { currentPeriod, type SubscriptionObject } from "../billing/subscription-model.ts";
import { nowSeconds, type StripeSandboxContext } from "../context.ts";
import { invalidRequest } from "../core/errors.ts";
import { expand } from "../core/expand.ts";
import { LIST_PARAMS, pageOf } from "../core/list.ts";
import { mergeMetadata, type Params } from "../core/params.ts";

const STATUSES = [
  "active",
  "all",
  "canceled",
  "ended",
  "incomplete",
  "incomplete_expired",
  "past_due",
  "paused",
  "trialing",
  "unpaid",
] as const;

const FEEDBACK = [
  "customer_service",
  "low_quality",
  "missing_features",
  "other",
  "switched_service",
  "too_complex",
  "too_expensive",
  "unused",
] as const;

/**
 * Subscriptions: created by subscription-mode checkouts (billing/subscription-checkout.ts), renewed on the
 * sandbox clock. Read, list, update (`cancel_at_period_end`, `metadata`, `description`,
 * `cancellation_details`) and cancel (`DELETE`).
 */
export function subscriptionRoutes(ctx: StripeSandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get("/subscriptions", (c) => {
    const params = c.get("params").only(...LIST_PARAMS, "customer", "price", "status");
    const customer = params.string("customer");
    const price = params.string("price");
    const status = params.oneOf("status", STATUSES);
    const items = ctx.store
      .all<SubscriptionObject>(c.get("account"), "subscription")
      .filter((sub) => !customer || sub.customer === customer)
      .filter((sub) => !price || sub.items.data.some((item) => item.price.id === price))
      .filter((sub) => matchesStatus(sub, status));
    return c.json(pageOf(items, params, listUrl(c)));
  });

  app.get("/subscriptions/:id", (c) => {
    const sub = ctx.store.get<SubscriptionObject>(c.get("account"), c.req.param("id"), "subscription");
    return c.json(expand(ctx.store, c.get("account"), sub, c.get("params").only("expand").strings("expand")));
  });

  app.post("/subscriptions/:id", (c) => {
    const account = c.get("account");
    const sub = ctx.store.get<SubscriptionObject>(account, c.req.param("id"), "subscription");
    const params = c
      .get("params")
      .only("cancel_at_period_end", "metadata", "description", "cancellation_details", "expand");
    const cancelAtPeriodEnd = params.boolean("cancel_at_period_end");
    if (sub.status === "canceled" && (cancelAtPeriodEnd !== undefined || params.has("description"))) {
      throw invalidRequest(
        "A canceled subscription can only update its cancellation_details and metadata.",
        cancelAtPeriodEnd !== undefined ? "cancel_at_period_end" : "description",
      );
    }
    const previous: Record<string, unknown> = {};
    if (cancelAtPeriodEnd !== undefined) {
      const changed = setCancelAtPeriodEnd(sub, cancelAtPeriodEnd, nowSeconds(ctx), currentPeriod(sub).end);
      Object.assign(previous, changed);
    }
    const metadata = params.metadata();
    if (metadata !== undefined) {
      const next = mergeMetadata(sub.metadata, metadata);
      if (JSON.stringify(next) !== JSON.stringify(sub.metadata)) previous.metadata = sub.metadata;
      sub.metadata = next;
    }
    const description = params.string("description");
    if (description !== undefined && (description || null) !== sub.description) {
      previous.description = sub.description;
      sub.description = description || null;
    }
    const details = readDetails(params);
    if (details) {
      previous.cancellation_details ??= structuredClone(sub.cancellation_details);
      sub.cancellation_details = { ...sub.cancellation_details, ...details };
    }
    ctx.store.changed();
    if (Object.keys(previous).length > 0) {
      ctx.events.emit(account, "customer.subscription.updated", sub, { previous, cause: causeOf(c) });
    }
    return c.json(expand(ctx.store, account, sub, params.strings("expand")));
  });

  app.delete("/subscriptions/:id", (c) => {
    const account = c.get("account");
    const sub = ctx.store.get<SubscriptionObject>(account, c.req.param("id"), "subscription");
    const params = c.get("params").only("cancellation_details", "invoice_now", "prorate", "expand");
    if (sub.status === "canceled") {
      throw invalidRequest(`The subscription ${sub.id} has already been canceled.`, undefined, "resource_missing", 404);
    }
    const details = readDetails(params);
    endSubscription(ctx, account, sub, nowSeconds(ctx), { cause: causeOf(c), ...details });
    return c.json(expand(ctx.store, account, sub, params.strings("expand")));
  });

  return app;
}

/** Stripe's default list leaves canceled subscriptions out; `all` includes them, `ended` is only them. */
function matchesStatus(sub: SubscriptionObject, status: (typeof STATUSES)[number] | undefined): boolean {
  if (status === "all") return true;
  if (status === "ended") return sub.status === "canceled" || sub.status === "incomplete_expired";
  if (status === undefined) return sub.status !== "canceled";
  return sub.status === status;
}

function readDetails(params: Params): { comment?: string | null; feedback?: string | null } | undefined {
  const details = params.object("cancellation_details");
  if (!details) return undefined;
  details.only("comment", "feedback");
  const out: { comment?: string | null; feedback?: string | null } = {};
  const comment = details.string("comment");
  if (comment !== undefined) {
    if (comment.length > 5000)
      throw invalidRequest("Comments can have up to 5000 characters.", details.name("comment"));
    out.comment = comment || null;
  }
  if (details.string("feedback") === "") out.feedback = null;
  else {
    const feedback = details.oneOf("feedback", FEEDBACK);
    if (feedback !== undefined) out.feedback = feedback;
  }
  return out;
}

import { Hono } from "hono";
import type { StripeSandboxAdmin } from "../admin.ts";
import { firstInvoiceEventOrder } from "../billing/subscription-billing.ts";
import { ClockAdvance, Empty, FaultInput, limitBody, limitQuery, parseBody, refuse } from "./console-input.ts";

/** The object types the console lists (`GET /objects?type=`). */
export const CONSOLE_TYPES = [
  "payment_link",
  "checkout.session",
  "payment_intent",
  "charge",
  "refund",
  "customer",
  "subscription",
  "invoice",
  "product",
  "price",
  "event",
] as const;
const MAX_OBJECTS = 200;
const MAX_REQUESTS = 500;

/**
 * Console JSON API: state, objects, the request log, the clock, faults and rate limits.
 *
 *   GET  /state                 → platform account, connected accounts, object counts, clock, faults, limits
 *   GET  /objects?type=&account=&limit=  → {objects: [{account, object}]} newest first (limit ≤ 200)
 *   GET  /requests?limit=       → {requests} the API request log, newest first (limit ≤ 500)
 *   POST /clock/advance         {seconds} or {days} (≤ 400 days) → {now, offset_ms}; due work runs at once
 *   POST /faults                {kind: 429|500|slow|drop, count?, path_contains?, method?, delay_ms?}
 *   POST /faults/clear          {}
 *   POST /rate-limits/reset     {}
 */
export function consoleCoreApi(admin: StripeSandboxAdmin): Hono {
  const app = new Hono();
  const { ctx } = admin;
  for (const path of ["/clock/*", "/faults", "/faults/*", "/rate-limits/*"]) app.use(path, limitBody());

  app.get("/state", (c) => {
    const { platform, connected } = ctx.store.state;
    const counts: Record<string, number> = {};
    for (const stored of Object.values(ctx.store.state.objects)) {
      const type = stored.body.object;
      if ((CONSOLE_TYPES as readonly string[]).includes(type)) counts[type] = (counts[type] ?? 0) + 1;
    }
    return c.json({
      platform_account: platform.accountId,
      client_id: platform.clientId,
      connected_accounts: Object.values(connected).map((account) => ({
        id: account.accountId,
        status: account.deauthorizedAtMs === undefined ? "connected" : "deauthorized",
        connected_at: new Date(account.connectedAtMs).toISOString(),
        deauthorized_at:
          account.deauthorizedAtMs === undefined ? null : new Date(account.deauthorizedAtMs).toISOString(),
      })),
      counts,
      clock: { now: new Date(ctx.clock.nowMs()).toISOString(), offset_ms: ctx.clock.offset },
      faults: admin.faults.pending().map((rule) => ({
        kind: rule.kind,
        remaining: rule.remaining,
        path_contains: rule.pathContains ?? null,
        method: rule.method ?? null,
        delay_ms: rule.delayMs ?? null,
      })),
      rate_limit: { per_second: ctx.limits.perSecond },
      first_invoice_event_order: firstInvoiceEventOrder(ctx),
      urls: {
        api_url: `${ctx.publicUrl}/api`,
        connect_url: `${ctx.publicUrl}/connect`,
        checkout_url: `${ctx.publicUrl}/checkout`,
      },
    });
  });

  app.get("/objects", (c) => {
    const type = c.req.query("type") ?? "";
    if (!(CONSOLE_TYPES as readonly string[]).includes(type)) {
      return refuse(c, [{ field: "type", message: `must be one of ${CONSOLE_TYPES.join(", ")}` }]);
    }
    const limit = limitQuery(c.req.query("limit"), 50, MAX_OBJECTS);
    if (typeof limit !== "number") return refuse(c, [limit]);
    const account = c.req.query("account");
    const objects = ctx.store
      .everywhere(type)
      .filter((stored) => !account || stored.account === account)
      .slice(0, limit)
      .map((stored) => ({ account: stored.account, object: stored.body }));
    return c.json({ objects });
  });

  app.get("/requests", (c) => {
    const limit = limitQuery(c.req.query("limit"), 100, MAX_REQUESTS);
    if (typeof limit !== "number") return refuse(c, [limit]);
    return c.json({ requests: admin.log.recent().slice(0, limit) });
  });

  app.post("/clock/advance", async (c) => {
    const input = await parseBody(c, ClockAdvance);
    if (input instanceof Response) return input;
    const ms = input.seconds !== undefined ? input.seconds * 1000 : Math.round((input.days ?? 0) * 86_400_000);
    const now = admin.advanceClock(ms);
    return c.json({ now: new Date(now).toISOString(), offset_ms: ctx.clock.offset });
  });

  app.post("/faults", async (c) => {
    const input = await parseBody(c, FaultInput);
    if (input instanceof Response) return input;
    admin.faults.inject({
      kind: input.kind,
      ...(input.count !== undefined ? { count: input.count } : {}),
      ...(input.path_contains !== undefined ? { pathContains: input.path_contains } : {}),
      ...(input.method !== undefined ? { method: input.method } : {}),
      ...(input.delay_ms !== undefined ? { delayMs: input.delay_ms } : {}),
    });
    return c.json({ faults: admin.faults.pending() });
  });

  app.post("/faults/clear", async (c) => {
    const input = await parseBody(c, Empty);
    if (input instanceof Response) return input;
    admin.faults.clear();
    return c.json({ faults: [] });
  });

  app.post("/rate-limits/reset", async (c) => {
    const input = await parseBody(c, Empty);
    if (input instanceof Response) return input;
    admin.resetRateLimits();
    return c.json({ reset: true });
  });

  return app;
}

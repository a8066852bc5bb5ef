/**
 * Console JSON API: webhook deliveries and connected accounts. Mounted at /sandbox/stripe/console/api,
 * behind the console token. Errors are `{errors: ["…"]}` with 400 (bad body), 404 (unknown id) or 409.
 *
 *   GET  /deliveries?event_id=evt_…&limit=50   → {deliveries: DeliveryRecord[]} newest first: event_id,
 *        event_type, account, endpoint ("configured" or we_…), url, attempt, kind (automatic | retry |
 *        resend | duplicate | reorder | bad_signature), status (HTTP status or null), error, ok, ms,
 *        signature_valid, response (first 300 characters), at_ms (sandbox clock)
 *   GET  /endpoints                             → {configured: {url} | null, endpoints: [{id, account,
 *        url, connect, status, enabled_events, description, created}], retries_scheduled}
 *   POST /events/:id/resend         {}          → {deliveries} once every receiving endpoint answered
 *   POST /events/:id/duplicate      {}          → {deliveries} (each endpoint gets the event twice)
 *   POST /events/:id/bad-signature  {}          → {deliveries} (signed with the wrong secret)
 *   POST /events/reorder  {event_ids?: string[] (≤100), count?: 1–100 (default 5, the most recent),
 *        order?: "reversed" | "shuffled"}       → {order: evt ids as sent, deliveries}
 *   GET  /accounts                              → {accounts: [{id, business_name, status: connected |
 *        deauthorized, connected_at, deauthorized_at}]}
 *   POST /accounts/:id/deauthorize  {}          → {account} (the person disconnects the platform from
 *        Stripe's side: account.application.deauthorized is sent, the account's access stops)
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { StripeSandboxAdmin } from "../admin.ts";
import { connectedAccounts, deauthorize, summarise } from "../connect/connected-accounts.ts";
import { type DeliveryRecord, NoEndpointError, UnknownEventError } from "../events/webhook-dispatcher.ts";
import { allEndpoints } from "../resources/webhook-endpoints.ts";

const Empty = z.strictObject({});
const Reorder = z.strictObject({
  event_ids: z
    .array(z.string().regex(/^evt_\w+$/, "must be event ids (evt_…)"), "must be a list of event ids")
    .min(1, "must name at least one event")
    .max(100, "must name at most 100 events")
    .optional(),
  count: z.int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").optional(),
  order: z.enum(["reversed", "shuffled"], "must be reversed or shuffled").optional(),
});

export function consoleWebhookApi(admin: StripeSandboxAdmin): Hono {
  const app = new Hono();
  const { ctx, webhooks } = admin;

  app.get("/deliveries", (c) => {
    const eventId = c.req.query("event_id") || undefined;
    const rawLimit = c.req.query("limit");
    const limit = rawLimit === undefined ? 100 : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      return refuse(c, ["limit must be a whole number from 1 to 1000"]);
    }
    return c.json({ deliveries: webhooks.deliveries({ ...(eventId ? { eventId } : {}), limit }) });
  });

  app.get("/endpoints", (c) => {
    const configured = webhooks.configured;
    return c.json({
      configured: configured ? { url: configured.url } : null,
      endpoints: allEndpoints(ctx.store).map(({ account, endpoint }) => ({
        id: endpoint.id,
        account,
        url: endpoint.url,
        connect: endpoint.connect,
        status: endpoint.status,
        enabled_events: endpoint.enabled_events,
        description: endpoint.description,
        created: endpoint.created,
      })),
      retries_scheduled: webhooks.scheduledRetries,
    });
  });

  const manual = (send: (eventId: string) => Promise<DeliveryRecord[]>) => async (c: Context) => {
    const body = await readBody(c, Empty);
    if (!body.ok) return refuse(c, body.errors);
    try {
      return c.json({ deliveries: await send(c.req.param("id") ?? "") });
    } catch (error) {
      return sendFailure(c, error);
    }
  };
  app.post("/events/reorder", async (c) => {
    const body = await readBody(c, Reorder);
    if (!body.ok) return refuse(c, body.errors);
    if (body.value.event_ids && body.value.count !== undefined) {
      return refuse(c, ["give either event_ids or count, not both"]);
    }
    try {
      const { event_ids, count, order } = body.value;
      return c.json(
        await webhooks.reorder({
          ...(event_ids ? { eventIds: event_ids } : {}),
          ...(count !== undefined ? { count } : {}),
          ...(order ? { mode: order } : {}),
        }),
      );
    } catch (error) {
      return sendFailure(c, error);
    }
  });
  app.post(
    "/events/:id/resend",
    manual((id) => webhooks.resend(id)),
  );
  app.post(
    "/events/:id/duplicate",
    manual((id) => webhooks.duplicate(id)),
  );
  app.post(
    "/events/:id/bad-signature",
    manual((id) => webhooks.badSignature(id)),
  );

  app.get("/accounts", (c) => c.json({ accounts: connectedAccounts(ctx) }));

  app.post("/accounts/:id/deauthorize", async (c) => {
    const body = await readBody(c, Empty);
    if (!body.ok) return refuse(c, body.errors);
    const id = c.req.param("id");
    const record = ctx.store.state.connected[id];
    if (!record) return c.json({ errors: [`No connected account ${id}`] }, 404);
    if (!deauthorize(ctx, id)) return c.json({ errors: [`${id} has already disconnected the platform`] }, 409);
    return c.json({ account: summarise(ctx, record) });
  });

  return app;
}

type Read<T> = { ok: true; value: T } | { ok: false; errors: string[] };

async function readBody<T>(c: Context, schema: z.ZodType<T>): Promise<Read<T>> {
  const text = await c.req.text();
  let json: unknown = {};
  if (text.trim() !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, errors: ["the body must be JSON"] };
    }
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"} ${issue.message}`),
  };
}

function refuse(c: Context, errors: string[]): Response {
  return c.json({ errors }, 400);
}

function sendFailure(c: Context, error: unknown): Response {
  if (error instanceof UnknownEventError) return c.json({ errors: [error.message] }, 404);
  if (error instanceof NoEndpointError) return c.json({ errors: [error.message] }, 409);
  throw error;
}

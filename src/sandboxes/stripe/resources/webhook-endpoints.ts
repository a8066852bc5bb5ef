import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { type ApiEnv, listUrl } from "../api/env.ts";
import { nowSeconds, type StripeSandboxContext } from "../context.ts";
import { invalidRequest, missingParam } from "../core/errors.ts";
import { newId } from "../core/ids.ts";
import { LIST_PARAMS, pageOf } from "../core/list.ts";
import { mergeMetadata, type Params } from "../core/params.ts";
import { EVENT_TYPES } from "../events/event-types.ts";
import type { StripeStore } from "../state/store.ts";
import type { StripeObject } from "../state/types.ts";

/** Stripe's test-mode cap: "You have reached the maximum of 16 test webhook endpoints." */
export const MAX_ENDPOINTS_PER_ACCOUNT = 16;

/**
 * A webhook endpoint as stored. `secret` is kept on the stored body for signing but only goes on the wire
 * in the answer to the create call; `connect` (whether it receives connected accounts' events) is kept
 * too, as Stripe keeps it, though the object does not show it.
 */
export interface WebhookEndpointObject extends StripeObject {
  object: "webhook_endpoint";
  api_version: string | null;
  application: string | null;
  created: number;
  description: string | null;
  enabled_events: string[];
  livemode: false;
  metadata: Record<string, string>;
  status: "enabled" | "disabled";
  url: string;
  secret: string;
  connect: boolean;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const API_VERSION_PATTERN = /^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/;

/**
 * Endpoints by account, kept beside the object table so the dispatcher finds an event's endpoints without
 * scanning every object. Built once per store (a persisted state may already hold endpoints).
 */
const indexes = new WeakMap<StripeStore, Map<string, Map<string, WebhookEndpointObject>>>();

function indexOf(store: StripeStore): Map<string, Map<string, WebhookEndpointObject>> {
  let index = indexes.get(store);
  if (!index) {
    index = new Map();
    for (const { account, body } of store.everywhere<WebhookEndpointObject>("webhook_endpoint").reverse()) {
      const forAccount = index.get(account) ?? new Map<string, WebhookEndpointObject>();
      forAccount.set(body.id, body);
      index.set(account, forAccount);
    }
    indexes.set(store, index);
  }
  return index;
}

/** The account's endpoints, oldest first. */
export function endpointsOf(store: StripeStore, account: string): WebhookEndpointObject[] {
  const forAccount = indexOf(store).get(account);
  return forAccount ? [...forAccount.values()] : [];
}

/** Every account's endpoints: for the console. */
export function allEndpoints(store: StripeStore): Array<{ account: string; endpoint: WebhookEndpointObject }> {
  const out: Array<{ account: string; endpoint: WebhookEndpointObject }> = [];
  for (const [account, endpoints] of indexOf(store)) {
    for (const endpoint of endpoints.values()) out.push({ account, endpoint });
  }
  return out;
}

/** Whether an endpoint subscribed to this event type (`*` is every type). */
export function endpointWants(endpoint: WebhookEndpointObject, type: string): boolean {
  return (
    endpoint.status === "enabled" && (endpoint.enabled_events.includes("*") || endpoint.enabled_events.includes(type))
  );
}

/** The wire form: no `secret` (unless just created) and no `connect`. */
export function renderEndpoint(endpoint: WebhookEndpointObject, withSecret = false): StripeObject {
  const { secret, connect: _connect, ...rest } = endpoint;
  return withSecret ? { ...rest, secret } : rest;
}

export function webhookEndpointRoutes(ctx: StripeSandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post("/webhook_endpoints", (c) => {
    const account = c.get("account");
    const params = c
      .get("params")
      .only("url", "enabled_events", "connect", "api_version", "description", "metadata", "expand");
    const url = checkUrl(ctx, params.requiredString("url"), "url");
    const enabledEvents = readEnabledEvents(params);
    if (!enabledEvents) throw missingParam("enabled_events");
    if (endpointsOf(ctx.store, account).length >= MAX_ENDPOINTS_PER_ACCOUNT) {
      throw invalidRequest(
        `You have reached the maximum of ${MAX_ENDPOINTS_PER_ACCOUNT} test webhook endpoints.`,
        "url",
      );
    }
    const endpoint: WebhookEndpointObject = {
      id: newId("we"),
      object: "webhook_endpoint",
      api_version: readApiVersion(params),
      application: null,
      created: nowSeconds(ctx),
      description: params.string("description") || null,
      enabled_events: enabledEvents,
      livemode: false,
      metadata: params.metadata() ?? {},
      status: "enabled",
      url,
      secret: `whsec_${randomBytes(24).toString("hex")}`,
      connect: params.boolean("connect") ?? false,
    };
    ctx.store.insert(account, endpoint);
    const index = indexOf(ctx.store);
    const forAccount = index.get(account) ?? new Map<string, WebhookEndpointObject>();
    forAccount.set(endpoint.id, endpoint);
    index.set(account, forAccount);
    return c.json(renderEndpoint(endpoint, true));
  });

  app.get("/webhook_endpoints/:id", (c) => {
    const endpoint = ctx.store.get<WebhookEndpointObject>(c.get("account"), c.req.param("id"), "webhook_endpoint");
    c.get("params").only("expand");
    return c.json(renderEndpoint(endpoint));
  });

  app.post("/webhook_endpoints/:id", (c) => {
    const endpoint = ctx.store.get<WebhookEndpointObject>(c.get("account"), c.req.param("id"), "webhook_endpoint");
    const params = c.get("params").only("url", "enabled_events", "description", "metadata", "disabled", "expand");
    const url = params.string("url");
    if (url !== undefined) endpoint.url = checkUrl(ctx, url, "url");
    const enabledEvents = readEnabledEvents(params);
    if (enabledEvents) endpoint.enabled_events = enabledEvents;
    const description = params.string("description");
    if (description !== undefined) endpoint.description = description || null;
    const disabled = params.boolean("disabled");
    if (disabled !== undefined) endpoint.status = disabled ? "disabled" : "enabled";
    endpoint.metadata = mergeMetadata(endpoint.metadata, params.metadata());
    ctx.store.changed();
    return c.json(renderEndpoint(endpoint));
  });

  app.get("/webhook_endpoints", (c) => {
    const params = c.get("params").only(...LIST_PARAMS);
    const items = endpointsOf(ctx.store, c.get("account"))
      .reverse()
      .map((endpoint) => renderEndpoint(endpoint));
    return c.json(pageOf(items, params, listUrl(c)));
  });

  app.delete("/webhook_endpoints/:id", (c) => {
    const account = c.get("account");
    const endpoint = ctx.store.get<WebhookEndpointObject>(account, c.req.param("id"), "webhook_endpoint");
    delete ctx.store.state.objects[endpoint.id];
    indexOf(ctx.store).get(account)?.delete(endpoint.id);
    ctx.store.changed();
    return c.json({ id: endpoint.id, object: "webhook_endpoint", deleted: true });
  });

  return app;
}

/**
 * Only loopback receivers and the hosts the sandbox was configured with: a sandbox that posted anywhere
 * would let anyone holding its key use it to send requests into other networks.
 */
function checkUrl(ctx: StripeSandboxContext, raw: string, param: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidRequest(`Invalid URL: ${raw}`, param, "url_invalid");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw invalidRequest(`Invalid URL: ${raw}. The URL must use http or https.`, param, "url_invalid");
  }
  const host = url.hostname.toLowerCase();
  const allowed = ctx.allowedWebhookHosts.map((h) => h.toLowerCase());
  if (!LOOPBACK.has(host) && !allowed.includes(host) && !allowed.includes(url.host.toLowerCase())) {
    const others = allowed.length > 0 ? `, ${allowed.join(", ")}` : "";
    throw invalidRequest(
      `Invalid URL: ${raw}. This sandbox only delivers webhooks to 127.0.0.1, ::1, localhost${others}.`,
      param,
      "url_invalid",
    );
  }
  return raw;
}

function readEnabledEvents(params: Params): string[] | undefined {
  const events = params.strings("enabled_events");
  if (!events) return undefined;
  if (events.length === 0) throw missingParam("enabled_events");
  events.forEach((type, index) => {
    if (type !== "*" && !EVENT_TYPES.has(type)) {
      throw invalidRequest(
        `Invalid enabled_events[${index}]: must be one of *, or an event type such as charge.succeeded (got '${type}')`,
        `enabled_events[${index}]`,
      );
    }
  });
  return [...new Set(events)];
}

function readApiVersion(params: Params): string | null {
  const version = params.string("api_version");
  if (version === undefined || version === "") return null;
  if (!API_VERSION_PATTERN.test(version)) {
    throw invalidRequest(`Invalid api_version: ${version}`, "api_version");
  }
  return version;
}

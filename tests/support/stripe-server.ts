import { randomBytes } from "node:crypto";
import { serve } from "@hono/node-server";
import Stripe from "stripe";
import type { Database } from "../../src/db/client.ts";
import { createApp } from "../../src/http/app.ts";
import { createStripePayments } from "../../src/integrations/payments/stripe.ts";
import { createForeground } from "../../src/jobs/foreground.ts";
import { JOB_DEFINITIONS } from "../../src/jobs/registry.ts";
import { createJobRunner } from "../../src/jobs/runner.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { CONSOLE_TOKEN_HEADER } from "../../src/sandboxes/shared/console-guard.ts";
import {
  createStripeSandbox,
  type StripeSandbox,
  type StripeSandboxOptions,
} from "../../src/sandboxes/stripe/index.ts";
import type { httpClient } from "./xero-server.ts";

/** One webhook delivery as the sandbox made it: the raw body and its Stripe-Signature. */
export type CapturedDelivery = { id: string; type: string; account: string | null; body: string; signature: string };

/**
 * What happens to the sandbox's deliveries to /webhooks/stripe: `pass` hands them to Settle, `capture` keeps
 * them (answering 200, so the sandbox does not retry) for a test to deliver itself in its own order, `down`
 * answers 503 as an endpoint that is down, so the sandbox retries and then gives up. Only the sandbox's own
 * deliveries (its Stripe user agent) pass through the gate; a test's `deliver()` always reaches Settle.
 */
export type WebhookGate = "pass" | "capture" | "down";

/**
 * Settle over real HTTP on 127.0.0.1:0 with the Stripe sandbox mounted as `settle start` mounts it: at
 * /sandbox/stripe, its API also at /v1 and /oauth on the root, its events delivered to /webhooks/stripe.
 * `drain()` runs queued jobs (event processing) until none is left.
 */
export async function startStripeServer(database: Database, clock: Clock, options: Partial<StripeSandboxOptions> = {}) {
  let handler: ((request: Request) => Response | Promise<Response>) | undefined;
  let gate: WebhookGate = "pass";
  const captured: CapturedDelivery[] = [];
  const gated = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const fromSandbox = request.headers.get("user-agent")?.startsWith("Stripe/") === true;
    if (gate === "pass" || !fromSandbox || url.pathname !== "/webhooks/stripe" || !handler) {
      return handler ? handler(request) : new Response("starting", { status: 503 });
    }
    if (gate === "down") return new Response("down", { status: 503 });
    const body = await request.text();
    const event = JSON.parse(body) as { id: string; type: string; account?: string };
    captured.push({
      id: event.id,
      type: event.type,
      account: event.account ?? null,
      body,
      signature: request.headers.get("stripe-signature") ?? "",
    });
    return Response.json({ captured: true });
  };
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve(
      {
        fetch: (request) => gated(request),
        port: 0,
        hostname: "127.0.0.1",
      },
      () => done(s),
    );
  });
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const sandbox: StripeSandbox = createStripeSandbox({
    publicUrl: `${origin}/sandbox/stripe`,
    credentialSeed: randomBytes(16).toString("hex"),
    webhookUrl: `${origin}/webhooks/stripe`,
    limits: { perSecond: 10_000 },
    timing: { webhookRetryDelaysMs: [50, 100, 200] },
    ...options,
  });
  const payments = createStripePayments({
    secretKey: sandbox.credentials.secret_key,
    clientId: sandbox.credentials.client_id,
    webhookSecret: sandbox.credentials.webhook_secret,
    apiUrl: origin,
    connectUrl: sandbox.urls.connect_url,
  });
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
  const atRoot = (prefix: string) => ({
    prefix,
    app: {
      fetch: (request: Request) => {
        const url = new URL(request.url);
        url.pathname = `${prefix}${url.pathname === "/" ? "" : url.pathname}`;
        return sandbox.hostFetch(new Request(url, request));
      },
    },
  });
  const foreground = createForeground();
  const app = createApp({
    foreground,
    db: database.db,
    clock,
    logger,
    publicUrl: origin,
    cookieSecure: false,
    rateLimitPerMinute: 100_000,
    loginRateLimitPerMinute: 1_000,
    payments,
    mounts: [{ prefix: "/sandbox/stripe", app: sandbox.app }, atRoot("/v1"), atRoot("/oauth")],
  });
  handler = (request) => app.fetch(request);
  const runner = createJobRunner({
    db: database.db,
    clock,
    logger,
    definitions: JOB_DEFINITIONS,
    payments,
    foreground,
    pollIntervalMs: 50,
  });
  const webhookSecret = sandbox.credentials.webhook_secret;
  /** Signs a body as Stripe does (the SDK's own test header), with the platform's secret unless told. */
  const sign = (body: string, secret = webhookSecret, timestamp?: number) =>
    Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret,
      ...(timestamp === undefined ? {} : { timestamp }),
    });
  return {
    origin,
    sandbox,
    payments,
    webhookSecret,
    /** Deliveries held while the gate is `capture`, in the order the sandbox sent them. */
    captured,
    setWebhookGate(mode: WebhookGate) {
      gate = mode;
    },
    sign,
    /** POSTs a body to Settle's webhook as Stripe would; `signature: null` sends no Stripe-Signature. */
    async deliver(body: string, signature: string | null = sign(body)) {
      const response = await fetch(`${origin}/webhooks/stripe`, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          ...(signature === null ? {} : { "stripe-signature": signature }),
        },
        body,
      });
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    },
    /** The sandbox console's JSON API (the console token sent as a script would). */
    async console(method: string, path: string, body?: unknown) {
      const response = await fetch(`${sandbox.urls.console_url}/api${path}`, {
        method,
        headers: {
          [CONSOLE_TOKEN_HEADER]: sandbox.consoleToken,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    },
    /** Runs the worker in this process as `settle start` does (polling, giving way to requests) until stopped. */
    startWorker(): () => Promise<void> {
      runner.start();
      return () => runner.stop();
    },
    /** Runs every queued job, without waiting for the sandbox's deliveries. */
    async runJobs() {
      while ((await runner.drainOnce()) > 0) {}
    },
    /** Waits for the sandbox's deliveries to land, then runs every queued job. */
    async drain() {
      await sandbox.admin.webhooks.idle();
      while ((await runner.drainOnce()) > 0) {}
    },
    async close() {
      await sandbox.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** Plays the merchant on the sandbox's Connect page: a new account with this name, "Connect my Stripe account". */
export async function connectStripe(api: ReturnType<typeof httpClient>, businessName = "Demo Services Ltd") {
  const started = await api("POST", "/api/v1/integrations/stripe/connect", {});
  if (started.status !== 200) throw new Error(`connect: ${started.status} ${JSON.stringify(started.body)}`);
  const url = new URL(started.body.authorize_url);
  const form = new URLSearchParams(url.searchParams);
  form.set("account", "new");
  form.set("business_name", businessName);
  form.set("decision", "allow");
  const consent = await fetch(`${url.origin}${url.pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
  });
  const back = new URL(consent.headers.get("location") ?? "");
  const callback = await api("GET", `${back.pathname}${back.search}`);
  if (callback.location?.endsWith("stripe=connected") !== true) {
    throw new Error(`Stripe did not connect: ${callback.status} ${callback.location} ${JSON.stringify(callback.body)}`);
  }
  return (await api("GET", "/api/v1/integrations/stripe", undefined)).body as { account_id: string };
}

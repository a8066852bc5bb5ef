import { randomBytes } from "node:crypto";
import { serve } from "@hono/node-server";
import type { Database } from "../../src/db/client.ts";
import { createApp } from "../../src/http/app.ts";
import { createStripePayments } from "../../src/integrations/payments/stripe.ts";
import { JOB_DEFINITIONS } from "../../src/jobs/registry.ts";
import { createJobRunner } from "../../src/jobs/runner.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import {
  createStripeSandbox,
  type StripeSandbox,
  type StripeSandboxOptions,
} from "../../src/sandboxes/stripe/index.ts";
import type { httpClient } from "./xero-server.ts";

/**
 * Settle over real HTTP on 127.0.0.1:0 with the Stripe sandbox mounted as `settle start` mounts it: at
 * /sandbox/stripe, its API also at /v1 and /oauth on the root, its events delivered to /webhooks/stripe.
 * `drain()` runs queued jobs (event processing) until none is left.
 */
export async function startStripeServer(database: Database, clock: Clock, options: Partial<StripeSandboxOptions> = {}) {
  let handler: ((request: Request) => Response | Promise<Response>) | undefined;
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve(
      {
        fetch: (request) => (handler ? handler(request) : new Response("starting", { status: 503 })),
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
  const app = createApp({
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
  const runner = createJobRunner({ db: database.db, clock, logger, definitions: JOB_DEFINITIONS, payments });
  return {
    origin,
    sandbox,
    payments,
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

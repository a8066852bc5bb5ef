import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import Stripe from "stripe";
import { CONSOLE_TOKEN_HEADER } from "../../shared/console-guard.ts";
import { createStripeSandbox, type StripeSandbox, type StripeSandboxOptions } from "../index.ts";

const MOUNT = "/sandbox/stripe";

export interface StripeHarness {
  sandbox: StripeSandbox;
  origin: string;
  /** The official SDK pointed at the sandbox over real HTTP, as Settle's adapter is. */
  stripe: Stripe;
  /** An SDK client with other settings (e.g. `maxNetworkRetries`). */
  client(config?: Stripe.StripeConfig): Stripe;
  /** The console's JSON API with its token: GET without a body, POST with one. */
  console(path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/**
 * Serves the sandbox on 127.0.0.1 over real HTTP, mounted at /sandbox/stripe with the API also at the host
 * root, as the standalone command serves it. Test mode's 25 requests a second is lifted unless a test sets
 * `limits` itself, so suites that make many calls measure behaviour rather than the limiter.
 */
export async function startStripeHarness(options: Partial<StripeSandboxOptions> = {}): Promise<StripeHarness> {
  let fetchHandler: (request: Request, env: unknown) => Response | Promise<Response> = () =>
    new Response(null, { status: 503 });
  const server = serve({ fetch: (request, env) => fetchHandler(request, env), port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const sandbox = createStripeSandbox({ publicUrl: `${origin}${MOUNT}`, limits: { perSecond: 10_000 }, ...options });
  const root = new Hono();
  root.route(MOUNT, sandbox.app);
  root.all("/v1/*", (c) => sandbox.hostFetch(c.req.raw, c.env));
  root.all("/oauth/*", (c) => sandbox.hostFetch(c.req.raw, c.env));
  fetchHandler = (request, env) => root.fetch(request, env);

  const client = (config: Stripe.StripeConfig = {}) =>
    new Stripe(sandbox.credentials.secret_key, {
      host: "127.0.0.1",
      port,
      protocol: "http",
      maxNetworkRetries: 0,
      telemetry: false,
      ...config,
    });

  return {
    sandbox,
    origin,
    stripe: client(),
    client,
    async console(path, body) {
      const response = await fetch(`${sandbox.urls.console_url}/api${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { [CONSOLE_TOKEN_HEADER]: sandbox.consoleToken, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    async close() {
      await sandbox.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import { serve } from "@hono/node-server";
import type { Database } from "../../src/db/client.ts";
import { createApp } from "../../src/http/app.ts";
import type { AppDeps } from "../../src/http/deps.ts";
import type { LedgerCallLimits } from "../../src/integrations/accounting/port.ts";
import { createXeroAccounting } from "../../src/integrations/accounting/xero.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { createSecretBox } from "../../src/lib/secret-box.ts";
import { randomSecret } from "../../src/lib/secrets.ts";
import { DEMO_APP } from "../../src/sandboxes/xero/identity/demo-app.ts";
import { createXeroSandbox, type XeroSandbox, type XeroSandboxLimits } from "../../src/sandboxes/xero/index.ts";

/**
 * Settle served over real HTTP on 127.0.0.1:0 with the Xero sandbox mounted, as `settle start` does: the
 * origin is only known once listening, so the app is built then and requests before that cannot arrive.
 */
export async function startXeroServer(
  database: Database,
  clock: Clock,
  overrides: Partial<AppDeps> = {},
  options: {
    webhooks?: boolean;
    sandboxLimits?: Partial<XeroSandboxLimits>;
    /** Settle's limiter for a sandbox allowing more than Xero (as XERO_SANDBOX_CALLS_PER_MINUTE sets it). */
    callLimits?: Partial<LedgerCallLimits>;
  } = {},
) {
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
  const sandbox: XeroSandbox = createXeroSandbox({
    publicUrl: `${origin}/sandbox/xero`,
    ...(options.sandboxLimits ? { limits: options.sandboxLimits } : {}),
    // Opt-in: the sandbox then delivers its webhooks to this Settle, as `settle start` wires it.
    ...(options.webhooks
      ? {
          webhookUrl: `${origin}/webhooks/xero`,
          webhookKey: DEMO_APP.webhookKey,
          webhookTiming: { batchDelayMs: 20, retryDelaysMs: [50, 50] },
        }
      : {}),
  });
  const accounting = createXeroAccounting(
    {
      clientId: DEMO_APP.clientId,
      clientSecret: DEMO_APP.clientSecret,
      loginUrl: sandbox.urls.login_url,
      identityUrl: sandbox.urls.identity_url,
      apiUrl: sandbox.urls.api_url,
      webhookKey: DEMO_APP.webhookKey,
      callLimits: options.callLimits,
    },
    createSecretBox(randomSecret(32)),
  );
  const app = createApp({
    db: database.db,
    clock,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    publicUrl: origin,
    cookieSecure: false,
    rateLimitPerMinute: 100_000,
    loginRateLimitPerMinute: 1_000,
    accounting,
    mounts: [{ prefix: "/sandbox/xero", app: sandbox.app }],
    ...overrides,
  });
  handler = (request) => app.fetch(request);
  const close = async () => {
    await sandbox.close();
    await new Promise<void>((done) => server.close(() => done()));
  };
  return { origin, sandbox, accounting, close };
}

/** A JSON client over real HTTP with a bearer key; redirects are returned, not followed. */
export function httpClient(origin: string, key: string) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}${path}`, {
      method,
      redirect: "manual",
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as any) : null,
      location: response.headers.get("location"),
    };
  };
}

/** Plays the member on the sandbox consent page: submits its form for the first organisation with "Allow". */
export async function consentOnSandbox(authorizeUrl: string, tenantId: string): Promise<URL> {
  const url = new URL(authorizeUrl);
  const form = new URLSearchParams(url.searchParams);
  form.set("tenant_id", tenantId);
  form.set("decision", "allow");
  const response = await fetch(`${url.origin}${url.pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
  });
  return new URL(response.headers.get("location") ?? "");
}

/** The demo organisation every connecting test consents to. */
export const XERO_NZ_TENANT = "a3f1c0de-0001-4e1a-9c55-5e771e000001";

/** Connects the key's workspace to the sandbox's demo organisation through the real consent round trip. */
export async function connectXero(api: ReturnType<typeof httpClient>) {
  const started = await api("POST", "/api/v1/integrations/xero/connect", {});
  const back = await consentOnSandbox(started.body.authorize_url, XERO_NZ_TENANT);
  const callback = await api("GET", `${back.pathname}${back.search}`);
  if (callback.location?.endsWith("xero=connected") !== true) {
    throw new Error(`Xero did not connect: ${callback.status} ${callback.location}`);
  }
}

import { Hono } from "hono";
import { SandboxClock } from "../shared/clock.ts";
import { consoleGuard } from "../shared/console-guard.ts";
import { newConsoleToken } from "../shared/console-token.ts";
import { StripeSandboxAdmin } from "./admin.ts";
import { apiRoutes } from "./api/api-routes.ts";
import { FaultInjector } from "./api/faults.ts";
import { RateLimiter } from "./api/rate-limiter.ts";
import { RequestLog } from "./api/request-log.ts";
import { installClockWork } from "./billing/install.ts";
import { checkoutRoutes } from "./checkout/checkout-routes.ts";
import { connectRoutes, oauthApiRoutes } from "./connect/connect-routes.ts";
import { consoleApi } from "./console/console-api.ts";
import { CONSOLE_HTML, CONSOLE_JS } from "./console/console-page.ts";
import type { StripeSandboxContext } from "./context.ts";
import { Timeline } from "./core/timeline.ts";
import { EventBus } from "./events/event-bus.ts";
import { WebhookDispatcher } from "./events/webhook-dispatcher.ts";
import { DEFAULT_LIMITS, DEFAULT_TIMING, type StripeSandboxOptions } from "./options.ts";
import { newPlatform } from "./state/platform.ts";
import { StripeStore } from "./state/store.ts";

export type { StripeSandboxAdmin } from "./admin.ts";
export { API_VERSION, type StripeSandboxOptions } from "./options.ts";

/** The credentials a sandbox created with `credentialSeed: seed` has, without creating it. */
export function stripeSandboxCredentials(seed: string) {
  const platform = newPlatform(seed);
  return {
    secret_key: platform.secretKey,
    client_id: platform.clientId,
    webhook_secret: platform.webhookSecret,
    account_id: platform.accountId,
  };
}

export interface StripeSandbox {
  /** Routes relative to the mount point: /api, /connect, /checkout, /console. */
  app: Hono;
  /**
   * The API root (also served at the host root of the standalone server: the SDK's `host` option takes no
   * path), Connect's OAuth pages, the hosted checkout pages and the console.
   */
  urls: { api_url: string; connect_url: string; checkout_url: string; console_url: string };
  credentials: { secret_key: string; publishable_key: string; client_id: string; webhook_secret: string };
  /** The platform account the secret key belongs to. */
  platformAccountId: string;
  admin: StripeSandboxAdmin;
  consoleToken: string;
  /**
   * Answers `/v1/...` and `/oauth/...` at the root of a host, as api.stripe.com does: `new Stripe(key,
   * {host, port, protocol})` cannot carry a path, so a server hosting the sandbox routes those here too.
   */
  hostFetch(request: Request, env?: unknown): Response | Promise<Response>;
  close(): Promise<void>;
}

const MIN_CONSOLE_TOKEN_LENGTH = 32;

export function createStripeSandbox(options: StripeSandboxOptions): StripeSandbox {
  const publicUrl = options.publicUrl.replace(/\/+$/, "");
  const consoleToken = options.consoleToken ?? newConsoleToken();
  if (consoleToken.length < MIN_CONSOLE_TOKEN_LENGTH) {
    throw new Error(`The sandbox console token must be at least ${MIN_CONSOLE_TOKEN_LENGTH} characters.`);
  }
  const store = new StripeStore(options.persistFile, options.credentialSeed);
  const clock = new SandboxClock(options.now ?? (() => new Date()), store.state.clockOffsetMs);
  const ctx: StripeSandboxContext = {
    store,
    clock,
    events: new EventBus(store, clock),
    timeline: new Timeline(),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    timing: { ...DEFAULT_TIMING, ...options.timing },
    publicUrl,
    allowedWebhookHosts: options.allowedWebhookHosts ?? [],
  };
  const webhooks = new WebhookDispatcher(ctx, options.webhookUrl);
  ctx.events.connect(webhooks);
  installClockWork(ctx);
  const faults = new FaultInjector();
  const limiter = new RateLimiter(ctx);
  const log = new RequestLog(clock);
  const admin = new StripeSandboxAdmin(ctx, faults, limiter, log, webhooks);
  const ticker = setInterval(() => ctx.timeline.run(clock.nowMs()), ctx.timing.tickIntervalMs);
  ticker.unref();

  const app = new Hono();
  app.route("/api", apiRoutes(ctx, { faults, limiter, log }));
  app.route("/api", oauthApiRoutes(ctx));
  app.route("/connect", connectRoutes(ctx));
  app.route("/checkout", checkoutRoutes(ctx));
  const guard = { token: consoleToken, publicUrl, product: "Stripe" };
  app.use("/console/api/*", consoleGuard(guard, "json"));
  app.use("/console", consoleGuard(guard, "page", true));
  app.use("/console/app.js", consoleGuard(guard, "page"));
  app.route("/console/api", consoleApi(admin));
  app.get("/console", (c) => c.html(CONSOLE_HTML));
  app.get("/console/app.js", (c) => c.body(CONSOLE_JS, 200, { "content-type": "text/javascript; charset=utf-8" }));

  const { platform } = store.state;
  return {
    app,
    urls: {
      api_url: `${publicUrl}/api`,
      connect_url: `${publicUrl}/connect`,
      checkout_url: `${publicUrl}/checkout`,
      console_url: `${publicUrl}/console`,
    },
    credentials: {
      secret_key: platform.secretKey,
      publishable_key: platform.publishableKey,
      client_id: platform.clientId,
      webhook_secret: platform.webhookSecret,
    },
    platformAccountId: platform.accountId,
    admin,
    consoleToken,
    hostFetch(request, env) {
      const url = new URL(request.url);
      if (!/^\/(v1|oauth)(\/|$)/.test(url.pathname)) {
        return new Response(JSON.stringify({ error: { type: "invalid_request_error", message: "Not found." } }), {
          status: 404,
          headers: { "content-type": "application/json" },
        });
      }
      url.pathname = `/api${url.pathname}`;
      return app.fetch(new Request(url, request), env);
    },
    async close() {
      clearInterval(ticker);
      webhooks.close();
      store.flush();
    },
  };
}

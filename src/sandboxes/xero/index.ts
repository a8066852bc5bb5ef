import { Hono } from "hono";
import { SandboxClock } from "../shared/clock.ts";
import { consoleGuard } from "../shared/console-guard.ts";
import { newConsoleToken } from "../shared/console-token.ts";
import { XeroSandboxAdmin } from "./admin.ts";
import { apiRoutes } from "./api/api-routes.ts";
import { FaultInjector } from "./api/faults.ts";
import { RateLimiter } from "./api/rate-limiter.ts";
import { RequestLog } from "./api/request-log.ts";
import { consoleApi } from "./console/console-api.ts";
import { CONSOLE_HTML, CONSOLE_JS } from "./console/console-page.ts";
import { onlineInvoicePage } from "./console/online-invoice-page.ts";
import type { SandboxContext } from "./context.ts";
import { DEMO_APP } from "./identity/demo-app.ts";
import { GrantService } from "./identity/grants.ts";
import { identityRoutes } from "./identity/identity-routes.ts";
import { loginRoutes } from "./identity/login-routes.ts";
import { DEFAULT_LIMITS, DEFAULT_WEBHOOK_TIMING, type XeroSandboxOptions } from "./options.ts";
import { SandboxStore } from "./state/store.ts";
import { WebhookDispatcher } from "./webhooks/dispatcher.ts";
import { InvoiceHistoryRecorder } from "./webhooks/invoice-history.ts";

export { CONSOLE_TOKEN_HEADER } from "../shared/console-guard.ts";
export { loadOrCreateConsoleToken } from "../shared/console-token.ts";
export type { XeroSandboxAdmin } from "./admin.ts";
export type { XeroSandboxLimits, XeroSandboxOptions, XeroSandboxWebhookTiming } from "./options.ts";
export { DEMO_ORGANISATIONS } from "./state/demo-seed.ts";
export { signWebhookBody } from "./webhooks/signature.ts";

export interface XeroSandbox {
  /** Routes relative to the mount point: /login, /identity, /api, /console. */
  app: Hono;
  credentials: { client_id: string; client_secret: string };
  /** Base URLs for this mount point, to configure the Xero integration with. */
  urls: { login_url: string; identity_url: string; api_url: string };
  admin: XeroSandboxAdmin;
  /** What /console and /console/api require (X-Sandbox-Token, or the cookie set by `/console?token=`). */
  consoleToken: string;
  close(): Promise<void>;
}

const MIN_CONSOLE_TOKEN_LENGTH = 32;

export function createXeroSandbox(options: XeroSandboxOptions): XeroSandbox {
  const publicUrl = options.publicUrl.replace(/\/+$/, "");
  const consoleToken = options.consoleToken ?? newConsoleToken();
  if (consoleToken.length < MIN_CONSOLE_TOKEN_LENGTH) {
    throw new Error(`The sandbox console token must be at least ${MIN_CONSOLE_TOKEN_LENGTH} characters.`);
  }
  const baseNow = options.now ?? (() => new Date());
  const bootClock = new SandboxClock(baseNow);
  const store = new SandboxStore(bootClock.nowMs(), options.persistFile);
  const clock = new SandboxClock(baseNow, store.state.clockOffsetMs);
  const webhooks = new WebhookDispatcher(
    clock,
    { ...DEFAULT_WEBHOOK_TIMING, ...options.webhookTiming },
    `${publicUrl}/api/api.xro/2.0`,
    options.webhookUrl,
    options.webhookKey,
  );
  const ctx: SandboxContext = {
    store,
    clock,
    grants: new GrantService(store, clock, options.accessTokenTtlSeconds ?? 1800),
    events: new InvoiceHistoryRecorder(store, webhooks),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    publicUrl,
  };
  const faults = new FaultInjector();
  const limiter = new RateLimiter(ctx);
  const log = new RequestLog(clock);
  const admin = new XeroSandboxAdmin(ctx, faults, webhooks, limiter, log);

  const app = new Hono();
  app.onError((error, c) => {
    console.error("[xero-sandbox]", error);
    return c.json({ ErrorNumber: 500, Type: "InternalError", Message: "An error occurred in Xero." }, 500);
  });
  app.use("/api/*", log.middleware());
  app.use("/identity/*", log.middleware());
  app.route("/login", loginRoutes(ctx));
  app.route("/identity", identityRoutes(ctx));
  app.route("/api", apiRoutes(ctx, faults, limiter));
  app.route("/in", onlineInvoicePage(ctx));
  // The wire routes above are guarded like Xero's (OAuth); the console plays Xero's signed-in web app.
  const guard = { token: consoleToken, publicUrl, product: "Xero" };
  app.use("/console/api/*", consoleGuard(guard, "json"));
  app.use("/console", consoleGuard(guard, "page", true));
  app.use("/console/app.js", consoleGuard(guard, "page"));
  app.route("/console/api", consoleApi(admin, publicUrl));
  app.get("/console", (c) => c.html(CONSOLE_HTML));
  app.get("/console/app.js", (c) => c.body(CONSOLE_JS, 200, { "content-type": "text/javascript; charset=utf-8" }));

  return {
    app,
    credentials: { client_id: DEMO_APP.clientId, client_secret: DEMO_APP.clientSecret },
    urls: { login_url: `${publicUrl}/login`, identity_url: `${publicUrl}/identity`, api_url: `${publicUrl}/api` },
    admin,
    consoleToken,
    async close() {
      webhooks.close();
      store.flush();
    },
  };
}

import { Hono } from "hono";
import type { StripeSandboxAdmin } from "../admin.ts";
import { consoleCoreApi } from "./api-core.ts";
import { consolePaymentApi } from "./api-payments.ts";
import { consoleSubscriptionApi } from "./api-subscriptions.ts";
import { consoleWebhookApi } from "./api-webhooks.ts";

/** The console's JSON API (behind the console token): what the console page's buttons and tests call. */
export function consoleApi(admin: StripeSandboxAdmin): Hono {
  const app = new Hono();
  app.route("/", consoleCoreApi(admin));
  app.route("/", consolePaymentApi(admin));
  app.route("/", consoleSubscriptionApi(admin));
  app.route("/", consoleWebhookApi(admin));
  return app;
}

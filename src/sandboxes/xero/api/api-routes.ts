import { Hono } from "hono";
import { contactRoutes } from "../accounting/contacts/contact-routes.ts";
import { invoiceRoutes } from "../accounting/invoices/invoice-routes.ts";
import { paymentRoutes } from "../accounting/payments/payment-routes.ts";
import { repeatingRoutes } from "../accounting/repeating/repeating-routes.ts";
import { runRepeatingSchedules } from "../accounting/repeating/scheduler.ts";
import { settingsRoutes } from "../accounting/settings/settings-routes.ts";
import type { SandboxContext } from "../context.ts";
import { connectionRoutes } from "../identity/connection-routes.ts";
import type { ApiEnv } from "./api-env.ts";
import { bearerAuth, tenantAuth } from "./authenticate.ts";
import type { FaultInjector } from "./faults.ts";
import { IdempotencyCache } from "./idempotency.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import { notFound } from "./responses.ts";

/** api.xero.com: /connections and the Accounting API under /api.xro/2.0. */
export function apiRoutes(ctx: SandboxContext, faults: FaultInjector, limiter: RateLimiter): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.use("/connections/*", faults.middleware());
  app.route("/connections", connectionRoutes(ctx));
  app.route("/Connections", connectionRoutes(ctx));

  const accounting = new Hono<ApiEnv>();
  accounting.use(
    "*",
    bearerAuth(ctx),
    tenantAuth(ctx),
    limiter.middleware(),
    faults.middleware(),
    new IdempotencyCache(ctx).middleware(),
  );
  accounting.use("*", async (c, next) => {
    runRepeatingSchedules(ctx);
    await next();
    // Xero's clock, as Xero's Date header is: it follows the sandbox's clock when a test moves it.
    c.header("Date", new Date(ctx.clock.nowMs()).toUTCString());
  });
  for (const routes of [settingsRoutes, contactRoutes, invoiceRoutes, paymentRoutes, repeatingRoutes])
    accounting.route("/", routes(ctx));
  accounting.notFound((c) => notFound(c));
  app.route("/api.xro/2.0", accounting);
  app.notFound((c) => notFound(c));
  return app;
}

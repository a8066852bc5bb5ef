import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { AppError } from "../lib/errors.ts";
import { mcpRoutes } from "../mcp/http.ts"; // MCP over Streamable HTTP (SPEC §8)
import { defaultMailFrom } from "../modules/mail/index.ts";
import { registerApiRoutes } from "./api-routes.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./env.ts";
import { MAX_BODY_BYTES, onError, unknownRoute } from "./errors.ts";
import { authenticate } from "./middleware/authenticate.ts";
import { countForeground } from "./middleware/foreground.ts";
import { idempotency } from "./middleware/idempotency.ts";
import { requestMetrics } from "./middleware/metrics.ts";
import { clientIp, rateLimit } from "./middleware/rate-limit.ts";
import { releaseUnreadBody } from "./middleware/release-unread-body.ts";
import { requestContext } from "./middleware/request-context.ts";
import { oauthRoutes } from "./oauth/oauth-routes.ts";
import { wellKnownRoutes } from "./oauth/well-known-routes.ts";
import { portalRoutes } from "./portal/portal-routes.ts";
import { apiKeyRoutes } from "./routes/api-keys.ts";
import { docsRoutes } from "./routes/docs.ts";
import { internalAdminRoutes } from "./routes/internal-admin.ts";
import { memberRoutes } from "./routes/members.ts";
import { metaRoutes } from "./routes/meta.ts";
import { oauthConsentRoutes } from "./routes/oauth-consent.ts";
import { opsRoutes } from "./routes/ops.ts";
import { roleRoutes } from "./routes/roles.ts";
import { scopeRoutes } from "./routes/scopes.ts";
import { privateSessionRoutes, publicSessionRoutes } from "./routes/session.ts";
import { stripeWebhookRoutes } from "./routes/stripe-webhook.ts";
import { webRoutes } from "./routes/web.ts";
import { xeroWebhookRoutes } from "./routes/xero-webhook.ts";

/** A pure factory: everything comes from deps, nothing from the environment. Tests call app.request(). */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const mail = { from: deps.mailFrom ?? defaultMailFrom(deps.publicUrl), publicUrl: deps.publicUrl };
  app.onError(onError);
  app.notFound(unknownRoute(app.routes));
  if (deps.foreground) app.use("*", countForeground(deps.foreground));
  app.use("*", requestContext(deps.logger));
  app.use("*", releaseUnreadBody());
  app.use("*", requestMetrics());
  app.use("*", async (c, next) => {
    c.set("deps", {
      db: deps.db,
      clock: deps.clock,
      accounting: deps.accounting,
      payments: deps.payments,
      mail,
      secrets: deps.secrets,
    });
    await next();
  });
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use("/api/*", bodyLimit({ maxSize: MAX_BODY_BYTES }));
  app.get("/health", (c) => c.json({ status: "ok" }));
  app.route("/", opsRoutes(deps));
  // MCP (SPEC §8): bearer API keys only; outside /api so it stays out of the OpenAPI document.
  app.route("/mcp", mcpRoutes(deps));
  // OAuth 2.1 for MCP clients (/oauth is the Stripe sandbox's Connect host); /.well-known never falls through to the web app (it answers JSON).
  app.route("/.well-known", wellKnownRoutes(deps.publicUrl));
  app.route("/oauth2", oauthRoutes(deps));
  // Signed by Stripe, not authenticated by a session or key (SPEC §9).
  app.route("/webhooks/stripe", stripeWebhookRoutes(deps));
  app.route("/webhooks/xero", xeroWebhookRoutes(deps));
  // The client portal (SPEC §6): its own cookie on /portal, never a session of /api/v1.
  app.route("/portal", portalRoutes(deps));
  for (const mount of deps.mounts ?? []) {
    app.mount(mount.prefix, mount.app.fetch);
  }
  // Sandboxes not mounted (SETTLE_SANDBOXES=0) are unknown paths, never the web app's index.html.
  app.all("/sandbox/*", (c) => {
    throw new AppError("not_found", `No route ${c.req.method} ${c.req.path}.`);
  });
  if (deps.adminSecret) {
    app.route("/internal/admin", internalAdminRoutes({ ...deps, adminSecret: deps.adminSecret }));
  }

  const api = new OpenAPIHono<AppEnv>();
  api.route("/", publicSessionRoutes(deps));
  api.route("/", metaRoutes({ sandboxes: (deps.mounts ?? []).some((m) => m.prefix.startsWith("/sandbox/")) }));
  const privateApi = new OpenAPIHono<AppEnv>();
  privateApi.use("*", authenticate(deps));
  privateApi.use(
    "*",
    rateLimit(deps.rateLimitPerMinute, (c) => {
      const actor = c.get("actor");
      return actor.kind === "api_key" ? `key:${actor.keyId}` : `ip:${clientIp(c)}`;
    }),
  );
  privateApi.use("*", idempotency(deps));
  privateApi.route("/", privateSessionRoutes(deps));
  privateApi.route("/", scopeRoutes);
  privateApi.route("/", apiKeyRoutes);
  privateApi.route("/", roleRoutes);
  privateApi.route("/", memberRoutes(deps.publicUrl));
  privateApi.route("/", oauthConsentRoutes);
  registerApiRoutes(privateApi, deps);
  api.route("/", privateApi);
  app.route("/api/v1", api);
  app.all("/api/v1/*", unknownRoute(app.routes));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An API key: stl_live_…",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "settle_session",
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Settle API",
      version: "1.0.0",
      description:
        "Money is integer minor units (`*_amount`) beside an ISO 4217 `currency`. Lists paginate with `limit` and `cursor`. Every POST accepts `Idempotency-Key`.",
    },
    servers: [{ url: deps.publicUrl }],
  });
  app.route("/api/docs", docsRoutes);
  if (deps.webDistDir) {
    app.route("/", webRoutes(deps.webDistDir));
  }
  return app;
}

export type App = ReturnType<typeof createApp>;

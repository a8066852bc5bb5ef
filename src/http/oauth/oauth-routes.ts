import { Hono } from "hono";
import { cors } from "hono/cors";
import { AppError } from "../../lib/errors.ts";
import {
  checkAuthorizationRequest,
  exchangeToken,
  OAuthError,
  redirectWith,
  registerClient,
  revokeToken,
} from "../../modules/oauth/index.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";
import { clientIp, rateLimit } from "../middleware/rate-limit.ts";
import { oauthBody } from "./oauth-body.ts";

/** Per client IP: registration and token requests are cheap to make and costly to guess with. */
export const OAUTH_RATE_LIMIT_PER_MINUTE = 60;

const AUTHORIZE_FIELDS = ["client_id", "redirect_uri", "code_challenge", "code_challenge_method", "scope", "state"];

/**
 * The OAuth 2.1 authorization server for MCP clients: registration (RFC 7591), authorize (PKCE S256 only, handing
 * over to the web app's consent screen), token (code and refresh), revocation (RFC 7009). Errors are OAuth's
 * `{ error, error_description }`, which is what these clients parse.
 */
export function oauthRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(
    "*",
    rateLimit(deps.oauthRateLimitPerMinute ?? OAUTH_RATE_LIMIT_PER_MINUTE, (c) => `oauth:${clientIp(c)}`),
  );
  app.use("/register", cors({ origin: "*", allowMethods: ["POST", "OPTIONS"] }));
  app.use("/token", cors({ origin: "*", allowMethods: ["POST", "OPTIONS"] }));
  app.use("/revoke", cors({ origin: "*", allowMethods: ["POST", "OPTIONS"] }));
  app.onError((error, c) => {
    if (error instanceof OAuthError) {
      c.header("Cache-Control", "no-store");
      return c.json({ error: error.error, error_description: error.message }, error.status);
    }
    throw error;
  });

  app.post("/register", async (c) => c.json(await registerClient(deps, await oauthBody(c)), 201));

  app.get("/authorize", async (c) => {
    const query = c.req.query();
    const request = Object.fromEntries(
      AUTHORIZE_FIELDS.filter((f) => query[f] !== undefined).map((f) => [f, query[f]]),
    );
    // An unknown client or unregistered redirect_uri is answered here, never by redirecting to it (RFC 6749 §4.1.2.1).
    if (!query.client_id || !query.redirect_uri) {
      throw new AppError("invalid_input", "client_id and redirect_uri are required.");
    }
    const { request: checkedRedirect } = await checkAuthorizationRequest(deps.db, {
      client_id: query.client_id,
      redirect_uri: query.redirect_uri,
      code_challenge: "x".repeat(43),
      code_challenge_method: "S256",
    });
    const back = (error: string, description: string) =>
      c.redirect(
        redirectWith(checkedRedirect.redirect_uri, { error, error_description: description, state: query.state }),
      );
    if (query.response_type !== "code") {
      return back("unsupported_response_type", "response_type must be code.");
    }
    if (query.code_challenge_method !== "S256" || !query.code_challenge) {
      return back("invalid_request", "PKCE is required: code_challenge with code_challenge_method S256.");
    }
    try {
      await checkAuthorizationRequest(deps.db, request);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return back(error.issues?.[0]?.field === "scope" ? "invalid_scope" : "invalid_request", error.message);
    }
    // The member signs in (if need be) and decides on the web app's consent screen, which posts back with the session.
    return c.redirect(`/consent?${new URLSearchParams(request as Record<string, string>).toString()}`);
  });

  app.post("/token", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await exchangeToken(deps, await oauthBody(c)), 200);
  });

  app.post("/revoke", async (c) => {
    const { token } = await oauthBody(c);
    if (typeof token !== "string" || token.length === 0 || token.length > 200) {
      throw new OAuthError("invalid_request", "token is required.");
    }
    await revokeToken(deps, token);
    return c.body(null, 200);
  });
  return app;
}

import { type Context, Hono } from "hono";
import { sameToken } from "../../shared/console-guard.ts";
import type { StripeSandboxContext } from "../context.ts";
import { base62 } from "../core/ids.ts";
import { PLATFORM_NAME } from "../resources/accounts.ts";
import type { StripeStore } from "../state/store.ts";
import { DEFAULT_BUSINESS_NAME, renderAuthorizePage, renderErrorPage } from "./authorize-page.ts";
import { authorize, connectedAccounts, createAccount, deauthorize } from "./connected-accounts.ts";

const SCOPES = ["read_write", "read_only"];
/** Codes already exchanged, so a second exchange is told so; bounded, one set per sandbox. */
const KEPT_USED_CODES = 1_000;
const usedCodeSets = new WeakMap<StripeStore, Set<string>>();

/**
 * connect.stripe.com: the authorize page a person approves or denies (`GET`/`POST /oauth/authorize`), and
 * the token and deauthorize endpoints, which the SDK calls on the API host (see `oauthApiRoutes`).
 */
export function connectRoutes(ctx: StripeSandboxContext): Hono {
  const app = new Hono();
  const { state } = ctx.store;

  app.get("/oauth/authorize", (c) => {
    const query = new URL(c.req.url).searchParams;
    const checked = checkClient(ctx, query);
    if ("error" in checked) return c.html(renderErrorPage(checked.error), 400);
    const scope = query.get("scope") || "read_only";
    const problem = requestProblem(query.get("response_type"), scope);
    if (problem) return redirect(c, checked.redirectUri, { ...problem, state: query.get("state") });
    const hidden: Record<string, string> = {};
    for (const key of ["response_type", "client_id", "scope", "state", "redirect_uri"]) {
      const value = query.get(key);
      if (value !== null) hidden[key] = value;
    }
    const prefill = query.get("stripe_user[business_name]")?.trim();
    return c.html(
      renderAuthorizePage(PLATFORM_NAME, scope, hidden, connectedAccounts(ctx), prefill || DEFAULT_BUSINESS_NAME),
    );
  });

  app.post("/oauth/authorize", async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const query = new URL(c.req.url).searchParams;
    const read = (key: string) => form.get(key) ?? query.get(key);
    const params = new URLSearchParams();
    for (const key of ["client_id", "redirect_uri"]) {
      const value = read(key);
      if (value !== null) params.set(key, value);
    }
    const checked = checkClient(ctx, params);
    if ("error" in checked) return c.html(renderErrorPage(checked.error), 400);
    const oauthState = read("state");
    const scope = read("scope") || "read_only";
    const problem = requestProblem(read("response_type"), scope);
    if (problem) return redirect(c, checked.redirectUri, { ...problem, state: oauthState });
    const decision = read("decision");
    if (decision === "deny") {
      return redirect(c, checked.redirectUri, {
        error: "access_denied",
        error_description: "The user denied your request",
        state: oauthState,
      });
    }
    if (decision !== "allow") {
      return c.html(renderErrorPage("The form must say decision=allow or decision=deny."), 400);
    }
    const choice = read("account") || "new";
    let accountId: string;
    if (choice === "new") {
      const name = (read("business_name") ?? "").trim() || DEFAULT_BUSINESS_NAME;
      if (name.length > 100) return c.html(renderErrorPage("The business name must be at most 100 characters."), 400);
      accountId = createAccount(ctx, name);
    } else {
      if (!state.connected[choice]) return c.html(renderErrorPage(`No sandbox account ${choice} to connect.`), 400);
      accountId = choice;
    }
    const code = authorize(ctx, accountId, scope, params.get("redirect_uri") ?? undefined);
    return redirect(c, checked.redirectUri, { code, scope, state: oauthState });
  });

  app.route("/", oauthApiRoutes(ctx));
  return app;
}

/** `/oauth/token` and `/oauth/deauthorize`, which the SDK calls on the API host it is configured with. */
export function oauthApiRoutes(ctx: StripeSandboxContext): Hono {
  const app = new Hono();
  const { state } = ctx.store;
  const usedCodes = usedCodeSets.get(ctx.store) ?? new Set<string>();
  usedCodeSets.set(ctx.store, usedCodes);

  app.post("/oauth/token", async (c) => {
    const form = new URLSearchParams(await c.req.text());
    if (!platformKey(ctx, c, form)) return noClient(c);
    const grantType = form.get("grant_type");
    let accountId: string;
    let scope: string;
    if (grantType === "authorization_code") {
      const code = form.get("code");
      if (!code) return oauthError(c, 400, "invalid_request", "No authorization code provided");
      const grant = state.authCodes[code];
      if (!grant) {
        const description = usedCodes.has(code)
          ? `This authorization code has already been used. All tokens issued with this code have been revoked.`
          : `Authorization code does not exist: ${code}`;
        return oauthError(c, 400, "invalid_grant", description);
      }
      delete state.authCodes[code];
      usedCodes.add(code);
      if (usedCodes.size > KEPT_USED_CODES) usedCodes.delete(usedCodes.values().next().value as string);
      ctx.store.changed();
      if (grant.expiresAtMs <= ctx.clock.nowMs()) {
        return oauthError(c, 400, "invalid_grant", `Authorization code expired: ${code}`);
      }
      accountId = grant.accountId;
      scope = grant.scope;
    } else if (grantType === "refresh_token") {
      const token = form.get("refresh_token");
      if (!token) return oauthError(c, 400, "invalid_request", "No refresh token provided");
      const record = Object.values(state.connected).find((r) => r.refreshToken === token);
      if (!record || record.deauthorizedAtMs !== undefined) {
        return oauthError(c, 400, "invalid_grant", `Refresh token does not exist: ${token}`);
      }
      record.accessToken = `sk_test_${base62(99)}`;
      ctx.store.changed();
      accountId = record.accountId;
      scope = form.get("scope") || "read_write";
      if (!SCOPES.includes(scope)) return oauthError(c, 400, "invalid_scope", `Invalid scope: ${scope}`);
    } else {
      return oauthError(
        c,
        400,
        grantType ? "unsupported_grant_type" : "invalid_request",
        grantType ? `Unsupported grant type: ${grantType}` : "No grant type specified",
      );
    }
    const record = state.connected[accountId];
    if (!record || record.deauthorizedAtMs !== undefined) {
      return oauthError(c, 400, "invalid_grant", `The account ${accountId} is no longer connected to this platform.`);
    }
    return c.json({
      access_token: record.accessToken,
      livemode: false,
      refresh_token: record.refreshToken,
      scope,
      stripe_publishable_key: record.publishableKey,
      stripe_user_id: accountId,
      token_type: "bearer",
    });
  });

  app.post("/oauth/deauthorize", async (c) => {
    const form = new URLSearchParams(await c.req.text());
    if (!platformKey(ctx, c, form)) return noClient(c);
    const clientId = form.get("client_id");
    if (!clientId) return oauthError(c, 400, "invalid_request", "No client_id provided");
    if (clientId !== state.platform.clientId) {
      return oauthError(c, 401, "invalid_client", `No such application: '${clientId}'`);
    }
    const accountId = form.get("stripe_user_id");
    if (!accountId) return oauthError(c, 400, "invalid_request", "No stripe_user_id provided");
    if (!deauthorize(ctx, accountId, { id: `req_${base62(14)}`, idempotency_key: null })) {
      return oauthError(
        c,
        401,
        "invalid_client",
        `This application is not connected to stripe account ${accountId}, or that account does not exist.`,
      );
    }
    return c.json({ stripe_user_id: accountId });
  });

  return app;
}

/** The platform's secret key as Bearer, as Basic user name, or as the `client_secret` form field. */
function platformKey(ctx: StripeSandboxContext, c: Context, form: URLSearchParams): boolean {
  const header = c.req.header("authorization") ?? "";
  const [scheme, value = ""] = header.split(" ", 2);
  let key = form.get("client_secret") ?? undefined;
  if (scheme?.toLowerCase() === "bearer") key = value.trim();
  else if (scheme?.toLowerCase() === "basic") key = Buffer.from(value, "base64").toString("utf8").split(":", 1)[0];
  return key !== undefined && key !== "" && sameToken(key, ctx.store.state.platform.secretKey);
}

function noClient(c: Context): Response {
  return oauthError(
    c,
    401,
    "invalid_client",
    "No authentication was provided. Send your secret API key using the Authorization header, or as a client_secret POST parameter.",
  );
}

function oauthError(c: Context, status: 400 | 401, error: string, description: string): Response {
  return c.json({ error, error_description: description }, status);
}

/**
 * The client must be the platform's and the redirect URI one it registered (any http(s) URI while none
 * are registered); without both the page cannot know where it may send the person, so it says so itself.
 */
function checkClient(ctx: StripeSandboxContext, params: URLSearchParams): { redirectUri: string } | { error: string } {
  const { platform } = ctx.store.state;
  const clientId = params.get("client_id");
  if (!clientId) return { error: "No client_id was provided." };
  if (clientId !== platform.clientId)
    return { error: `No application matches the supplied client identifier (${clientId}).` };
  const requested = params.get("redirect_uri");
  const redirectUri = requested ?? platform.redirectUris[0];
  if (!redirectUri) return { error: "No redirect_uri was provided and the platform has none registered." };
  if (requested && platform.redirectUris.length > 0 && !platform.redirectUris.includes(requested)) {
    return {
      error: `Invalid redirect URI '${requested}'. Ensure this URI exactly matches one of the URIs specified in your Connect settings.`,
    };
  }
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return { error: `Invalid redirect URI '${redirectUri}'.` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { error: `Invalid redirect URI '${redirectUri}': it must use http or https.` };
  }
  return { redirectUri };
}

function requestProblem(
  responseType: string | null,
  scope: string,
): { error: string; error_description: string } | undefined {
  if (responseType !== null && responseType !== "code") {
    return { error: "unsupported_response_type", error_description: `Unsupported response_type: ${responseType}` };
  }
  if (!SCOPES.includes(scope)) return { error: "invalid_scope", error_description: `Invalid scope: ${scope}` };
  return undefined;
}

function redirect(c: Context, redirectUri: string, params: Record<string, string | null>): Response {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  return c.redirect(url.toString(), 303);
}

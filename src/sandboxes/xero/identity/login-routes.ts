import { Hono } from "hono";
import type { SandboxContext } from "../context.ts";
import { newId, opaqueToken } from "../core/ids.ts";
import { AUTH_CODE_TTL_MS } from "../options.ts";
import { renderAuthorizePage } from "./authorize-page.ts";
import { DEMO_APP, DEMO_USER_ID } from "./demo-app.ts";

/** login.xero.com: the consent screen and the redirect back to the app. */
export function loginRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();

  app.get("/identity/connect/authorize", (c) => {
    const params = new URL(c.req.url).searchParams;
    const problem = checkAuthorizeParams(params);
    if (problem) return c.text(problem, 400);
    const html = renderAuthorizePage(DEMO_APP.name, params.get("scope") ?? "", params, ctx.store.organisations());
    return c.html(html);
  });

  app.post("/identity/connect/authorize", async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const problem = checkAuthorizeParams(form);
    if (problem) return c.text(problem, 400);
    const redirect = new URL(form.get("redirect_uri") ?? "");
    const state = form.get("state");
    if (state !== null) redirect.searchParams.set("state", state);
    // Several ticked organisations arrive as repeated tenant_id fields; one consent connects them all.
    const tenantIds = [...new Set(form.getAll("tenant_id"))];
    const known = tenantIds.length > 0 && tenantIds.every((id) => ctx.store.organisation(id));
    if (form.get("decision") !== "allow" || !known) {
      redirect.searchParams.set("error", "access_denied");
      return c.redirect(redirect.toString(), 302);
    }
    const code = opaqueToken();
    ctx.store.state.authCodes[code] = {
      code,
      clientId: form.get("client_id") ?? "",
      redirectUri: form.get("redirect_uri") ?? "",
      scope: form.get("scope") ?? "",
      tenantIds,
      codeChallenge: form.get("code_challenge") ?? undefined,
      codeChallengeMethod: form.get("code_challenge_method") ?? undefined,
      authEventId: newId(),
      userId: DEMO_USER_ID,
      expiresMs: ctx.clock.nowMs() + AUTH_CODE_TTL_MS,
      used: false,
    };
    ctx.store.changed();
    redirect.searchParams.set("code", code);
    redirect.searchParams.set("scope", form.get("scope") ?? "");
    return c.redirect(redirect.toString(), 302);
  });

  return app;
}

function checkAuthorizeParams(params: URLSearchParams): string | undefined {
  if (params.get("client_id") !== DEMO_APP.clientId) return "unauthorized_client: Invalid client_id";
  if (params.get("response_type") !== "code") return "unsupported_response_type";
  const redirect = params.get("redirect_uri") ?? "";
  if (!URL.canParse(redirect)) return "invalid_request: Invalid redirect_uri";
  const method = params.get("code_challenge_method");
  if (method && method !== "S256" && method !== "plain") return "invalid_request: Invalid code_challenge_method";
  if (!(params.get("scope") ?? "").trim()) return "invalid_scope";
  return undefined;
}

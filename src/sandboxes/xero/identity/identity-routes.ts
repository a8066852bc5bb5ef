import { Hono } from "hono";
import type { SandboxContext } from "../context.ts";
import { readClientAuth } from "./client-auth.ts";

/** identity.xero.com: token endpoint, revocation and discovery. */
export function identityRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();

  app.get("/.well-known/openid-configuration", (c) => {
    const base = `${ctx.publicUrl}/identity`;
    return c.json({
      issuer: base,
      authorization_endpoint: `${ctx.publicUrl}/login/identity/connect/authorize`,
      token_endpoint: `${base}/connect/token`,
      revocation_endpoint: `${base}/connect/revocation`,
      grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
      code_challenge_methods_supported: ["plain", "S256"],
      response_types_supported: ["code"],
    });
  });

  app.post("/connect/token", async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const client = readClientAuth(c.req.header("authorization"), form);
    if (client.rejected) return c.json({ error: "invalid_client" }, 400);
    const grantType = form.get("grant_type");
    if (grantType === "authorization_code") {
      const result = ctx.grants.exchangeCode(
        form.get("code") ?? "",
        client.clientId,
        form.get("redirect_uri") ?? undefined,
        form.get("code_verifier") ?? undefined,
        client.authenticated,
      );
      return result.ok ? c.json(result.tokens) : c.json({ error: result.error }, 400);
    }
    if (grantType === "refresh_token") {
      const result = ctx.grants.refresh(form.get("refresh_token") ?? "", client.clientId);
      return result.ok ? c.json(result.tokens) : c.json({ error: result.error }, 400);
    }
    if (grantType === "client_credentials") {
      if (!client.authenticated) return c.json({ error: "invalid_client" }, 400);
      const scope = form.get("scope") ?? "accounting.transactions accounting.contacts accounting.settings";
      return c.json(ctx.grants.clientCredentials(client.clientId, scope));
    }
    return c.json({ error: "unsupported_grant_type" }, 400);
  });

  app.post("/connect/revocation", async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const client = readClientAuth(c.req.header("authorization"), form);
    if (client.rejected) return c.json({ error: "invalid_client" }, 400);
    ctx.grants.revoke(form.get("token") ?? "", client.clientId);
    return c.body(null, 200);
  });

  return app;
}

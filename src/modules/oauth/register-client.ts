import type { DbOrTx } from "../../db/client.ts";
import { oauthClients } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { newId } from "../../lib/ids.ts";
import { OAuthError } from "./oauth-error.ts";
import { RegisterClientInput } from "./schemas.ts";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Redirect URIs an authorization code may be sent to: https anywhere, http only to this machine (native clients
 * listen on a loopback port, RFC 8252 §7.3), or a private-use scheme such as `cursor://` (RFC 8252 §7.1).
 */
function checkRedirectUri(uri: string): void {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new OAuthError("invalid_redirect_uri", `redirect_uri "${uri}" is not an absolute URI.`);
  }
  if (url.hash) {
    throw new OAuthError("invalid_redirect_uri", `redirect_uri "${uri}" must not have a fragment.`);
  }
  const scheme = url.protocol.replace(/:$/, "");
  if (scheme === "http" && !LOOPBACK.has(url.hostname)) {
    throw new OAuthError("invalid_redirect_uri", `redirect_uri "${uri}" must use https (http only for localhost).`);
  }
  if (["javascript", "data", "file", "vbscript"].includes(scheme)) {
    throw new OAuthError("invalid_redirect_uri", `redirect_uri scheme "${scheme}" is not allowed.`);
  }
}

/** Dynamic client registration (RFC 7591) of a public client: PKCE instead of a client secret. */
export async function registerClient(deps: { db: DbOrTx; clock: Clock }, input: unknown) {
  const parsed = RegisterClientInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OAuthError("invalid_client_metadata", `${issue?.path.join(".") || "body"}: ${issue?.message}`);
  }
  const { client_name, redirect_uris } = parsed.data;
  redirect_uris.forEach(checkRedirectUri);
  const now = deps.clock.now();
  const id = newId("oauthClient", now);
  const name = client_name ?? "MCP client";
  await deps.db.insert(oauthClients).values({ id, name, redirectUris: redirect_uris, createdAt: now, updatedAt: now });
  return {
    client_id: id,
    client_id_issued_at: Math.floor(now.getTime() / 1000),
    client_name: name,
    redirect_uris,
    token_endpoint_auth_method: "none",
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
  };
}

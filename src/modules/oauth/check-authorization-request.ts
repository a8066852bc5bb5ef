import { eq } from "drizzle-orm";
import type { Actor } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { oauthClients } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { normaliseScopes, SCOPES, type Scope } from "../access/scopes.ts";
import { AuthorizationRequest } from "./schemas.ts";

export type CheckedRequest = {
  request: AuthorizationRequest & { redirect_uri: string; state?: string | undefined };
  client: { id: string; name: string };
  /** What the client asked for (every scope when it named none), canonical and in SCOPES order. */
  requested: Scope[];
};

/**
 * The checks every step of the authorization runs again (the consent screen's round trip is untrusted): the
 * client exists and registered exactly this redirect URI, PKCE is S256, the scopes are known names.
 */
export async function checkAuthorizationRequest(db: DbOrTx, input: unknown): Promise<CheckedRequest> {
  const request = parseInput(AuthorizationRequest, input);
  const [client] = await db.select().from(oauthClients).where(eq(oauthClients.id, request.client_id));
  if (!client) {
    throw new AppError("invalid_input", `Unknown OAuth client ${request.client_id}.`, {
      issues: [{ field: "client_id", message: "not registered" }],
      fix: "Register the client first (POST /oauth2/register).",
    });
  }
  if (!client.redirectUris.includes(request.redirect_uri)) {
    throw new AppError("invalid_input", "redirect_uri is not one the client registered.", {
      issues: [{ field: "redirect_uri", message: "not registered for this client", allowed: client.redirectUris }],
    });
  }
  const names = (request.scope ?? "").split(" ").filter(Boolean);
  const requested = names.length > 0 ? normaliseScopes(names, "scope") : [...SCOPES];
  return { request, client: { id: client.id, name: client.name }, requested };
}

/** What the member may hand this client: what it asked for, within their own role. */
export function offeredScopes(actor: Actor, requested: readonly Scope[]): Scope[] {
  return requested.filter((scope) => actor.scopes.has(scope));
}

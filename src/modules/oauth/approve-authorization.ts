import type { Ctx } from "../../context.ts";
import { withTransaction } from "../../context.ts";
import { oauthCodes, oauthGrants } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { normaliseScopes } from "../access/scopes.ts";
import { recordAudit } from "../audit/index.ts";
import { checkAuthorizationRequest, offeredScopes } from "./check-authorization-request.ts";
import { ApproveAuthorizationInput } from "./schemas.ts";
import { signedInMember } from "./signed-in-member.ts";
import { CODE_PREFIX, CODE_TTL_MS, newSecret } from "./token-secrets.ts";

/** The client's redirect URI with the given query parameters added (state echoed back, RFC 6749 §4.1.2). */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}

/**
 * The member approves the client with the scopes they left ticked: a new grant, and a code bound to the client,
 * redirect URI and PKCE challenge. A scope the client did not ask for, or the member lacks, is refused.
 */
export async function approveAuthorization(ctx: Ctx, input: unknown): Promise<{ redirectTo: string; grantId: string }> {
  const actor = signedInMember(ctx.actor);
  const { scopes: ticked, ...rest } = parseInput(ApproveAuthorizationInput, input);
  const { request, client, requested } = await checkAuthorizationRequest(ctx.db, rest);
  const offered = new Set(offeredScopes(actor, requested));
  const scopes = normaliseScopes(ticked);
  const beyond = scopes.filter((s) => !offered.has(s));
  if (beyond.length > 0) {
    throw new AppError("forbidden", `Cannot grant ${beyond.join(", ")}: not requested by the client or not yours.`, {
      details: { allowed: [...offered] },
    });
  }
  if (scopes.length === 0) {
    throw new AppError("invalid_input", "Tick at least one scope, or deny the request.", {
      issues: [{ field: "scopes", message: "empty", allowed: [...offered] }],
    });
  }
  const now = ctx.clock.now();
  const grantId = newId("oauthGrant", now);
  const code = newSecret(CODE_PREFIX);
  await withTransaction(ctx, async (tx) => {
    await tx.insert(oauthGrants).values({
      id: grantId,
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      clientId: client.id,
      scopes,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(oauthCodes).values({
      codeHash: code.hash,
      grantId,
      clientId: client.id,
      redirectUri: request.redirect_uri,
      codeChallenge: request.code_challenge,
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      createdAt: now,
    });
    await recordAudit(tx, ctx, {
      action: "oauth.grant_created",
      targetType: "oauth_grant",
      targetId: grantId,
      details: { client_id: client.id, client_name: client.name, scopes },
    });
  });
  return { redirectTo: redirectWith(request.redirect_uri, { code: code.secret, state: request.state }), grantId };
}

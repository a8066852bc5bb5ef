import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { withTransaction } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { oauthCodes, oauthGrants, oauthTokens } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { sha256 } from "../../lib/secrets.ts";
import { issueTokens, type TokenResponse } from "./issue-tokens.ts";
import { OAuthError } from "./oauth-error.ts";
import { revokeGrantRows } from "./revoke-grant-rows.ts";
import { TokenRequest } from "./schemas.ts";
import { s256 } from "./token-secrets.ts";

type Deps = { db: DbOrTx; clock: Clock };
type TokenCommand = z.output<typeof TokenRequest>;
type Outcome = { tokens: TokenResponse; error?: undefined } | { error: string; tokens?: undefined };

/** The token endpoint (RFC 6749 §3.2): a code for tokens, or a refresh token for new ones. */
export async function exchangeToken(deps: Deps, input: unknown): Promise<TokenResponse> {
  const parsed = TokenRequest.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "body";
    const error = field === "grant_type" ? "unsupported_grant_type" : "invalid_request";
    throw new OAuthError(error, `${field}: ${issue?.message}`);
  }
  const request = parsed.data;
  return request.grant_type === "authorization_code" ? redeemCode(deps, request) : refresh(deps, request);
}

const invalidGrant = (why: string) => new OAuthError("invalid_grant", why);

/**
 * A code is redeemed once, by the client it was issued to, with the redirect URI and PKCE verifier it was bound
 * to. A second redemption means the code leaked: the grant it made is revoked (RFC 6749 §4.1.2).
 */
async function redeemCode(
  deps: Deps,
  request: Extract<TokenCommand, { grant_type: "authorization_code" }>,
): Promise<TokenResponse> {
  const now = deps.clock.now();
  const outcome = await withTransaction(deps, async (tx): Promise<Outcome> => {
    const [code] = await tx
      .select()
      .from(oauthCodes)
      .where(eq(oauthCodes.codeHash, sha256(request.code)))
      .for("update");
    if (!code) return { error: "Unknown authorization code." };
    if (code.usedAt) {
      await revokeGrantRows(tx, code.grantId, now);
      return { error: "The authorization code was already used; its grant is revoked." };
    }
    if (code.expiresAt <= now) return { error: "The authorization code has expired." };
    if (code.clientId !== request.client_id) return { error: "The code was issued to another client." };
    if (code.redirectUri !== request.redirect_uri) {
      return { error: "redirect_uri does not match the authorization." };
    }
    if (s256(request.code_verifier) !== code.codeChallenge) return { error: "code_verifier does not match." };
    await tx.update(oauthCodes).set({ usedAt: now }).where(eq(oauthCodes.codeHash, code.codeHash));
    const [grant] = await tx
      .select()
      .from(oauthGrants)
      .where(and(eq(oauthGrants.id, code.grantId), isNull(oauthGrants.revokedAt)));
    if (!grant) return { error: "The grant was revoked." };
    return { tokens: await issueTokens(tx, grant, now) };
  });
  // A reuse's revocation must commit, so failures are reported after the transaction, not thrown inside it.
  if (outcome.error !== undefined) throw invalidGrant(outcome.error);
  return outcome.tokens;
}

/**
 * Refresh tokens rotate: each is good for one use and answers a new pair. Presenting a used one again means two
 * parties hold it, so the whole grant is revoked (OAuth 2.1 §4.3.1) — the legitimate client signs in again.
 */
async function refresh(deps: Deps, request: Extract<TokenCommand, { grant_type: "refresh_token" }>) {
  const now = deps.clock.now();
  const outcome = await withTransaction(deps, async (tx): Promise<Outcome> => {
    const [row] = await tx
      .select({ token: oauthTokens, grant: oauthGrants })
      .from(oauthTokens)
      .innerJoin(oauthGrants, eq(oauthGrants.id, oauthTokens.grantId))
      .where(and(eq(oauthTokens.tokenHash, sha256(request.refresh_token)), eq(oauthTokens.kind, "refresh")))
      .for("update");
    if (!row) return { error: "Unknown refresh token." };
    if (request.client_id && request.client_id !== row.grant.clientId) {
      return { error: "The refresh token was issued to another client." };
    }
    if (row.grant.revokedAt || row.token.revokedAt) return { error: "The grant was revoked." };
    if (row.token.usedAt) {
      await revokeGrantRows(tx, row.grant.id, now);
      return { error: "The refresh token was already used; the grant is revoked." };
    }
    if (row.token.expiresAt <= now) return { error: "The refresh token has expired." };
    await tx.update(oauthTokens).set({ usedAt: now }).where(eq(oauthTokens.tokenHash, row.token.tokenHash));
    return { tokens: await issueTokens(tx, row.grant, now) };
  });
  if (outcome.error !== undefined) throw invalidGrant(outcome.error);
  return outcome.tokens;
}

import { and, eq, gt, isNull } from "drizzle-orm";
import type { Actor } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { members, oauthGrants, oauthTokens, roles } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { sha256 } from "../../lib/secrets.ts";
import { isScope } from "../access/scopes.ts";
import { ACCESS_TOKEN_PREFIX } from "./token-secrets.ts";

/**
 * An OAuth access token acts as the member who approved it, with the granted scopes ∩ that member's role read
 * now (SPEC §3), so a demotion or removal holds from the next request. No cache: one indexed join per request,
 * and tokens live an hour at most.
 */
export async function resolveOAuthActor(deps: { db: DbOrTx; clock: Clock }, secret: string): Promise<Actor | null> {
  if (!secret.startsWith(ACCESS_TOKEN_PREFIX)) {
    return null;
  }
  const now = deps.clock.now();
  const [row] = await deps.db
    .select({
      grantId: oauthGrants.id,
      workspaceId: oauthGrants.workspaceId,
      userId: oauthGrants.userId,
      granted: oauthGrants.scopes,
      lastUsedAt: oauthGrants.lastUsedAt,
      memberId: members.id,
      roleScopes: roles.scopes,
    })
    .from(oauthTokens)
    .innerJoin(oauthGrants, eq(oauthGrants.id, oauthTokens.grantId))
    .innerJoin(
      members,
      and(
        eq(members.workspaceId, oauthGrants.workspaceId),
        eq(members.userId, oauthGrants.userId),
        eq(members.status, "active"),
      ),
    )
    .innerJoin(roles, eq(roles.id, members.roleId))
    .where(
      and(
        eq(oauthTokens.tokenHash, sha256(secret)),
        eq(oauthTokens.kind, "access"),
        isNull(oauthTokens.revokedAt),
        gt(oauthTokens.expiresAt, now),
        isNull(oauthGrants.revokedAt),
      ),
    );
  if (!row) {
    return null;
  }
  // Last used is for the Connected apps page; once a minute is precise enough and keeps reads read-only.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await deps.db.update(oauthGrants).set({ lastUsedAt: now }).where(eq(oauthGrants.id, row.grantId));
  }
  const role = new Set(row.roleScopes);
  return {
    kind: "member",
    workspaceId: row.workspaceId,
    userId: row.userId,
    memberId: row.memberId,
    scopes: new Set(row.granted.filter(isScope).filter((s) => role.has(s))),
    oauthGrantId: row.grantId,
  };
}

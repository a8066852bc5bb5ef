import { and, eq, gt, isNull } from "drizzle-orm";
import type { Actor } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { apiKeys, members, roles, sessions } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { sha256 } from "../../lib/secrets.ts";
import { API_KEY_PREFIX } from "./api-key-secret.ts";
import { isScope } from "./scopes.ts";

// Last-used is written at most once a minute per key, so reads do not turn every request into a write.
const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * An API key acts with its own scope list, intersected with its creator's current role, so demoting or
 * removing a member also narrows the keys they made. Returns null for unknown or revoked keys.
 */
export async function resolveApiKeyActor(deps: { db: DbOrTx; clock: Clock }, secret: string): Promise<Actor | null> {
  if (!secret.startsWith(API_KEY_PREFIX)) {
    return null;
  }
  // One query: the key and its creator's current role scopes (null when the creator is no longer a member).
  const [row] = await deps.db
    .select({ key: apiKeys, roleScopes: roles.scopes })
    .from(apiKeys)
    .leftJoin(
      members,
      and(
        eq(members.workspaceId, apiKeys.workspaceId),
        eq(members.userId, apiKeys.createdByUserId),
        eq(members.status, "active"),
      ),
    )
    .leftJoin(roles, eq(roles.id, members.roleId))
    .where(and(eq(apiKeys.keyHash, sha256(secret)), isNull(apiKeys.revokedAt)));
  if (!row) {
    return null;
  }
  const { key } = row;
  const roleScopes = new Set(row.roleScopes ?? []);
  const scopes = new Set(key.scopes.filter(isScope).filter((s) => !key.createdByUserId || roleScopes.has(s)));
  const now = deps.clock.now();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await deps.db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id));
  }
  return { kind: "api_key", workspaceId: key.workspaceId, keyId: key.id, userId: key.createdByUserId, scopes };
}

export async function resolveSessionActor(
  deps: { db: DbOrTx; clock: Clock },
  token: string,
): Promise<{ actor: Actor; csrfToken: string; sessionId: string } | null> {
  const [session] = await deps.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, deps.clock.now())));
  if (!session) {
    return null;
  }
  const [row] = await deps.db
    .select({ scopes: roles.scopes, memberId: members.id })
    .from(members)
    .innerJoin(roles, eq(roles.id, members.roleId))
    .where(
      and(
        eq(members.workspaceId, session.workspaceId),
        eq(members.userId, session.userId),
        // A session acts only through an accepted membership; a pending invite grants nothing.
        eq(members.status, "active"),
      ),
    );
  if (!row) {
    return null;
  }
  const actor: Actor = {
    kind: "member",
    workspaceId: session.workspaceId,
    userId: session.userId,
    memberId: row.memberId,
    scopes: new Set(row.scopes.filter(isScope)),
  };
  return { actor, csrfToken: session.csrfToken, sessionId: session.id };
}

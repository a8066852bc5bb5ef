import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Actor } from "../../context.ts";
import { type DbOrTx, preparedQuery } from "../../db/client.ts";
import { apiKeys, members, roles, sessions, workspaces } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { sha256 } from "../../lib/secrets.ts";
import { readAccessVersion } from "./access-version.ts";
import { API_KEY_PREFIX } from "./api-key-secret.ts";
import { isScope } from "./scopes.ts";

// Last-used is written at most once a minute per key, so reads do not turn every request into a write.
const LAST_USED_GRANULARITY_MS = 60_000;
const MAX_CACHED_KEYS = 10_000;

/** A resolved key as of one access version of its workspace. */
type CachedKey = { actor: Actor & { kind: "api_key" }; version: number; lastUsedAt: number | null };

// Per database handle (one pool or PGlite instance), so separate processes and test apps keep separate caches.
const cachesByDb = new WeakMap<object, Map<string, CachedKey>>();

function cacheFor(db: DbOrTx): Map<string, CachedKey> | undefined {
  if ("rollback" in db) {
    return undefined;
  }
  let cache = cachesByDb.get(db);
  if (!cache) {
    cache = new Map();
    cachesByDb.set(db, cache);
  }
  return cache;
}

/**
 * An API key acts with its own scope list, intersected with its creator's current role, so demoting or
 * removing a member also narrows the keys they made. Returns null for unknown or revoked keys.
 *
 * Resolved keys are kept in memory with the workspace's access version they were read at. Every change that
 * could narrow a key raises that version in its own transaction (bumpAccessVersion), and each request reads the
 * version before trusting its cached key, so a revoke, scope edit, role change or removal made by any process
 * holds here from the request after it commits.
 */
export async function resolveApiKeyActor(deps: { db: DbOrTx; clock: Clock }, secret: string): Promise<Actor | null> {
  if (!secret.startsWith(API_KEY_PREFIX)) {
    return null;
  }
  const hash = sha256(secret);
  const cache = cacheFor(deps.db);
  const cached = cache?.get(hash);
  const fresh =
    cached && (await readAccessVersion(deps.db, cached.actor.workspaceId)) === cached.version ? cached : null;
  const entry = fresh ?? (await loadKey(deps.db, hash));
  if (!entry) {
    cache?.delete(hash);
    return null;
  }
  if (cache && entry !== cached) {
    if (cache.size >= MAX_CACHED_KEYS && !cache.has(hash)) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(hash, entry);
  }
  await touch(deps, entry);
  return { ...entry.actor };
}

/** One query: the key, its creator's current role scopes (null when no longer a member) and the version. */
async function loadKey(db: DbOrTx, hash: string): Promise<CachedKey | null> {
  const query = preparedQuery(db, "api_key_actor", (d) =>
    d
      .select({
        id: apiKeys.id,
        workspaceId: apiKeys.workspaceId,
        createdByUserId: apiKeys.createdByUserId,
        scopes: apiKeys.scopes,
        lastUsedAt: apiKeys.lastUsedAt,
        roleScopes: roles.scopes,
        version: workspaces.accessVersion,
      })
      .from(apiKeys)
      .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
      .leftJoin(
        members,
        and(
          eq(members.workspaceId, apiKeys.workspaceId),
          eq(members.userId, apiKeys.createdByUserId),
          eq(members.status, "active"),
        ),
      )
      .leftJoin(roles, eq(roles.id, members.roleId))
      .where(and(eq(apiKeys.keyHash, sql.placeholder("hash")), isNull(apiKeys.revokedAt))),
  );
  const [row] = await query.execute({ hash });
  if (!row) {
    return null;
  }
  const roleScopes = new Set(row.roleScopes ?? []);
  const scopes = new Set(row.scopes.filter(isScope).filter((s) => !row.createdByUserId || roleScopes.has(s)));
  return {
    actor: { kind: "api_key", workspaceId: row.workspaceId, keyId: row.id, userId: row.createdByUserId, scopes },
    version: row.version,
    lastUsedAt: row.lastUsedAt?.getTime() ?? null,
  };
}

/** Records use at most once a minute per key, across processes too: the update only applies to a stale value. */
async function touch(deps: { db: DbOrTx; clock: Clock }, entry: CachedKey): Promise<void> {
  const now = deps.clock.now();
  if (entry.lastUsedAt !== null && now.getTime() - entry.lastUsedAt <= LAST_USED_GRANULARITY_MS) {
    return;
  }
  entry.lastUsedAt = now.getTime();
  const stale = new Date(now.getTime() - LAST_USED_GRANULARITY_MS);
  await deps.db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, entry.actor.keyId), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
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

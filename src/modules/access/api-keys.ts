import { and, desc, eq, isNull, lt } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { apiKeys } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { decodeCursor, type PageQuery, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { recordAudit } from "../audit/index.ts";
import { bumpAccessVersion } from "./access-version.ts";
import { mintApiKeySecret } from "./api-key-secret.ts";
import { assertCanGrant } from "./grants.ts";
import { getApiKeyOrThrow } from "./internal.ts";
import { CreateApiKeyInput, UpdateApiKeyInput } from "./schemas.ts";
import { normaliseScopes, requireScope, type Scope } from "./scopes.ts";

/** A key may only carry scopes its creator holds right now; "full_access" expands to exactly those. */
function grantableScopes(ctx: Ctx, requested: readonly string[] | "full_access"): Scope[] {
  if (requested === "full_access") {
    return [...ctx.actor.scopes];
  }
  const scopes = normaliseScopes(requested);
  assertCanGrant(ctx.actor, scopes, "scopes", "create or edit an API key");
  return scopes;
}

export async function createApiKey(ctx: Ctx, input: CreateApiKeyInput) {
  const parsed = parseInput(CreateApiKeyInput, input);
  requireScope(ctx.actor.scopes, "api_keys:write");
  const scopes = grantableScopes(ctx, parsed.scopes);
  const secret = mintApiKeySecret();
  const createdBy = ctx.actor.kind === "system" ? null : ctx.actor.userId;
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        id: newId("apiKey", ctx.clock.now()),
        workspaceId: ctx.actor.workspaceId,
        createdByUserId: createdBy,
        name: parsed.name,
        keyPrefix: secret.prefix,
        keyHash: secret.hash,
        scopes,
      })
      .returning();
    if (!row) {
      throw new AppError("internal", "The key was not stored.");
    }
    await recordAudit(tx, ctx, {
      action: "api_key.created",
      targetType: "api_key",
      targetId: row.id,
      details: { name: row.name, scopes },
    });
    return { ...row, key: secret.key };
  });
}

export async function listApiKeys(ctx: Ctx, page: PageQuery) {
  requireScope(ctx.actor.scopes, "api_keys:write");
  const after = decodeCursor(page.cursor);
  const rows = await ctx.db
    .select()
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.workspaceId, ctx.actor.workspaceId),
        isNull(apiKeys.revokedAt),
        after ? lt(apiKeys.id, after) : undefined,
      ),
    )
    .orderBy(desc(apiKeys.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit);
}

export async function updateApiKey(ctx: Ctx, id: string, input: UpdateApiKeyInput) {
  const parsed = parseInput(UpdateApiKeyInput, input);
  requireScope(ctx.actor.scopes, "api_keys:write");
  return withTransaction(ctx, async (tx) => {
    const key = await getApiKeyOrThrow(tx, ctx.actor.workspaceId, id);
    if (key.revokedAt) {
      throw new AppError("conflict", "This key is revoked; create a new one instead.");
    }
    const scopes = parsed.scopes ? grantableScopes(ctx, parsed.scopes) : key.scopes;
    const [row] = await tx
      .update(apiKeys)
      .set({ scopes, name: parsed.name ?? key.name, updatedAt: ctx.clock.now() })
      .where(eq(apiKeys.id, id))
      .returning();
    await bumpAccessVersion(tx, ctx.actor.workspaceId);
    await recordAudit(tx, ctx, {
      action: "api_key.updated",
      targetType: "api_key",
      targetId: id,
      details: { name: row?.name ?? key.name, scopes, previous_scopes: key.scopes },
    });
    return row ?? key;
  });
}

export async function revokeApiKey(ctx: Ctx, id: string) {
  requireScope(ctx.actor.scopes, "api_keys:write");
  await withTransaction(ctx, async (tx) => {
    const key = await getApiKeyOrThrow(tx, ctx.actor.workspaceId, id);
    if (!key.revokedAt) {
      await tx.update(apiKeys).set({ revokedAt: ctx.clock.now() }).where(eq(apiKeys.id, id));
      await bumpAccessVersion(tx, ctx.actor.workspaceId);
      await recordAudit(tx, ctx, {
        action: "api_key.revoked",
        targetType: "api_key",
        targetId: id,
        details: { name: key.name },
      });
    }
  });
}

import { and, desc, eq, isNull, lt } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { apiKeys } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { decodeCursor, type PageQuery, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { mintApiKeySecret } from "./api-key-secret.ts";
import { getApiKeyOrThrow } from "./internal.ts";
import { CreateApiKeyInput, UpdateApiKeyInput } from "./schemas.ts";
import { normaliseScopes, requireScope, type Scope } from "./scopes.ts";

/** A key may only carry scopes its creator holds right now; "full_access" expands to exactly those. */
function grantableScopes(ctx: Ctx, requested: readonly string[] | "full_access"): Scope[] {
  if (requested === "full_access") {
    return [...ctx.actor.scopes];
  }
  const scopes = normaliseScopes(requested);
  const missing = scopes.filter((s) => !ctx.actor.scopes.has(s));
  if (missing.length > 0) {
    throw new AppError("forbidden", `You cannot grant scopes you do not hold: ${missing.join(", ")}.`, {
      issues: [{ field: "scopes", message: `not held by you: ${missing.join(", ")}` }],
    });
  }
  return scopes;
}

export async function createApiKey(ctx: Ctx, input: CreateApiKeyInput) {
  const parsed = parseInput(CreateApiKeyInput, input);
  requireScope(ctx.actor.scopes, "api_keys:write");
  const scopes = grantableScopes(ctx, parsed.scopes);
  const secret = mintApiKeySecret();
  const createdBy = ctx.actor.kind === "system" ? null : ctx.actor.userId;
  const [row] = await ctx.db
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
  return { ...row, key: secret.key };
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
    return row ?? key;
  });
}

export async function revokeApiKey(ctx: Ctx, id: string) {
  requireScope(ctx.actor.scopes, "api_keys:write");
  const key = await getApiKeyOrThrow(ctx.db, ctx.actor.workspaceId, id);
  if (!key.revokedAt) {
    await ctx.db.update(apiKeys).set({ revokedAt: ctx.clock.now() }).where(eq(apiKeys.id, id));
  }
}

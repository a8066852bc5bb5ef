import { and, desc, eq, isNull, lt } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { apiKeys } from "../../db/schema/index.ts";
import { decodeCursor, type PageQuery, toPage } from "../../lib/pagination.ts";
import { requireScope } from "./scopes.ts";

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

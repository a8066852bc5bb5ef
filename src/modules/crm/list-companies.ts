import { and, desc, eq, lt } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { companies } from "../../db/schema/index.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { nameContains } from "./internal.ts";
import { ListQuery } from "./schemas.ts";

/** Newest first; `q` matches the name. */
export async function listCompanies(ctx: Ctx, query: ListQuery) {
  const parsed = parseInput(ListQuery, query);
  requireScope(ctx.actor.scopes, "companies:read");
  const after = decodeCursor(parsed.cursor);
  const rows = await ctx.db
    .select()
    .from(companies)
    .where(
      and(
        eq(companies.workspaceId, ctx.actor.workspaceId),
        after ? lt(companies.id, after) : undefined,
        nameContains(companies.name, parsed.q),
      ),
    )
    .orderBy(desc(companies.id))
    .limit(parsed.limit + 1);
  return toPage(rows, parsed.limit);
}

import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { products } from "../../db/schema/index.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { nameContains } from "./internal.ts";
import { ListQuery } from "./schemas.ts";

export const ListProductsQuery = ListQuery.extend({
  is_active: z.enum(["true", "false"]).optional(),
});
export type ListProductsQuery = z.input<typeof ListProductsQuery>;

/** Newest first; `q` matches the name; `is_active` narrows to (in)active products. */
export async function listProducts(ctx: Ctx, query: ListProductsQuery) {
  const parsed = parseInput(ListProductsQuery, query);
  requireScope(ctx.actor.scopes, "products:read");
  const after = decodeCursor(parsed.cursor);
  const rows = await ctx.db
    .select()
    .from(products)
    .where(
      and(
        eq(products.workspaceId, ctx.actor.workspaceId),
        after ? lt(products.id, after) : undefined,
        nameContains(products.name, parsed.q),
        parsed.is_active ? eq(products.isActive, parsed.is_active === "true") : undefined,
      ),
    )
    .orderBy(desc(products.id))
    .limit(parsed.limit + 1);
  return toPage(rows, parsed.limit);
}

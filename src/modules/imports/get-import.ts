import { and, desc, eq, lt } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { imports } from "../../db/schema/index.ts";
import { notFound } from "../../lib/errors.ts";
import { decodeCursor, PageQuery, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { ImportRef } from "./schemas.ts";

/** An import and its progress; the file itself stays out of the answer. */
export async function getImport(ctx: Ctx, input: ImportRef) {
  const { id } = parseInput(ImportRef, input);
  requireScope(ctx.actor.scopes, "companies:read");
  const [row] = await ctx.db
    .select()
    .from(imports)
    .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), eq(imports.id, id)));
  if (!row) {
    throw notFound("import", id);
  }
  return row;
}

/** The workspace's imports, newest first. */
export async function listImports(ctx: Ctx, query: PageQuery) {
  const parsed = parseInput(PageQuery, query);
  requireScope(ctx.actor.scopes, "companies:read");
  const after = decodeCursor(parsed.cursor);
  const rows = await ctx.db
    .select()
    .from(imports)
    .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), after ? lt(imports.id, after) : undefined))
    .orderBy(desc(imports.id))
    .limit(parsed.limit + 1);
  return toPage(rows, parsed.limit);
}

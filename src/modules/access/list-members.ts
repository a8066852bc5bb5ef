import { and, asc, eq, gt } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { members, roles, users } from "../../db/schema/index.ts";
import { decodeCursor, type PageQuery, toPage } from "../../lib/pagination.ts";
import { memberColumns } from "./member-view.ts";
import { requireScope } from "./scopes.ts";

export async function listMembers(ctx: Ctx, page: PageQuery) {
  requireScope(ctx.actor.scopes, "members:read");
  const after = decodeCursor(page.cursor);
  const rows = await ctx.db
    .select(memberColumns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(roles, eq(roles.id, members.roleId))
    .where(and(eq(members.workspaceId, ctx.actor.workspaceId), after ? gt(members.id, after) : undefined))
    .orderBy(asc(members.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit);
}

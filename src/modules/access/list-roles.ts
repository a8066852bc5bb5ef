import { asc, eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { roles } from "../../db/schema/index.ts";
import { requireScope } from "./scopes.ts";

export async function listRoles(ctx: Ctx) {
  requireScope(ctx.actor.scopes, "members:read");
  return ctx.db.select().from(roles).where(eq(roles.workspaceId, ctx.actor.workspaceId)).orderBy(asc(roles.id));
}

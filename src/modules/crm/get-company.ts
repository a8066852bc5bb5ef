import type { Ctx } from "../../context.ts";
import { requireScope } from "../access/index.ts";
import { getCompanyOrThrow } from "./internal.ts";

export async function getCompany(ctx: Ctx, id: string) {
  requireScope(ctx.actor.scopes, "companies:read");
  return getCompanyOrThrow(ctx.db, ctx.actor.workspaceId, id);
}

import type { Ctx } from "../../context.ts";
import { requireScope } from "../access/index.ts";
import { getProductOrThrow } from "./internal.ts";

export async function getProduct(ctx: Ctx, id: string) {
  requireScope(ctx.actor.scopes, "products:read");
  return getProductOrThrow(ctx.db, ctx.actor.workspaceId, id);
}

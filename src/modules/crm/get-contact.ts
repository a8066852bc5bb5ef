import type { Ctx } from "../../context.ts";
import { requireScope } from "../access/index.ts";
import { getContactOrThrow } from "./internal.ts";

export async function getContact(ctx: Ctx, id: string) {
  requireScope(ctx.actor.scopes, "contacts:read");
  return getContactOrThrow(ctx.db, ctx.actor.workspaceId, id);
}

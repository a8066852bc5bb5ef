import type { Ctx } from "../../context.ts";
import { requireScope } from "../access/index.ts";
import { orderedStages, type StageRow } from "./internal.ts";

/** The workspace's pipeline in board order. */
export async function listStages(ctx: Ctx, _input: Record<string, never> = {}): Promise<StageRow[]> {
  requireScope(ctx.actor.scopes, "opportunities:read");
  return orderedStages(ctx.db, ctx.actor.workspaceId);
}

import type { Ctx } from "../../context.ts";
import { requireScope } from "../access/index.ts";
import { getOpportunityOrThrow } from "./internal.ts";
import type { LineView } from "./line-view.ts";
import { readLine } from "./read-line.ts";

export async function getLine(ctx: Ctx, opportunityId: string, lineId: string): Promise<LineView> {
  requireScope(ctx.actor.scopes, "opportunities:read");
  const opportunity = await getOpportunityOrThrow(ctx.db, ctx.actor.workspaceId, opportunityId);
  return readLine(ctx.db, ctx.actor, opportunity, lineId);
}

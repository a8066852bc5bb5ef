import type { Ctx } from "../../context.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getOpportunityOrThrow } from "./internal.ts";
import type { LineView } from "./line-view.ts";
import { readLine } from "./read-line.ts";
import { LineRef } from "./schemas.ts";

export async function getLine(ctx: Ctx, input: LineRef): Promise<LineView> {
  const parsed = parseInput(LineRef, input);
  requireScope(ctx.actor.scopes, "opportunities:read");
  const opportunity = await getOpportunityOrThrow(ctx.db, ctx.actor.workspaceId, parsed.opportunity_id);
  return readLine(ctx.db, ctx.actor, opportunity, parsed.line_id);
}

import type { Ctx } from "../../context.ts";
import { notFound } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { type LineView, readOpportunityLines } from "./line-view.ts";
import { OpportunityRef } from "./schemas.ts";

/** All lines of an opportunity (bounded by MAX_LINES_PER_OPPORTUNITY), in sort_order. */
export async function listLines(ctx: Ctx, input: OpportunityRef): Promise<LineView[]> {
  const { opportunity_id: opportunityId } = parseInput(OpportunityRef, input);
  requireScope(ctx.actor.scopes, "opportunities:read");
  const lines = await readOpportunityLines(ctx.db, ctx.actor, opportunityId);
  if (!lines) {
    throw notFound("opportunity", opportunityId);
  }
  return lines;
}

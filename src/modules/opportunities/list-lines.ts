import type { Ctx } from "../../context.ts";
import { notFound } from "../../lib/errors.ts";
import { requireScope } from "../access/index.ts";
import { type LineView, readOpportunityLines } from "./line-view.ts";

/** All lines of an opportunity (bounded by MAX_LINES_PER_OPPORTUNITY), in sort_order. */
export async function listLines(ctx: Ctx, opportunityId: string): Promise<LineView[]> {
  requireScope(ctx.actor.scopes, "opportunities:read");
  const lines = await readOpportunityLines(ctx.db, ctx.actor, opportunityId);
  if (!lines) {
    throw notFound("opportunity", opportunityId);
  }
  return lines;
}

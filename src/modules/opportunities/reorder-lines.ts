import { and, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { productLines } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getOpportunityOrThrow } from "./internal.ts";
import { type LineView, loadLines } from "./line-view.ts";
import { ReorderLinesCommand } from "./schemas.ts";

/** Puts the lines in the given order (sort_order 0, 1, 2 …); the list must name every line exactly once. */
export async function reorderLines(ctx: Ctx, input: ReorderLinesCommand): Promise<LineView[]> {
  const parsed = parseInput(ReorderLinesCommand, input);
  requireScope(ctx.actor.scopes, "opportunities:write");
  return withTransaction(ctx, async (tx) => {
    const opportunity = await getOpportunityOrThrow(tx, ctx.actor.workspaceId, parsed.opportunity_id);
    const current = await tx
      .select({ id: productLines.id })
      .from(productLines)
      .where(eq(productLines.opportunityId, opportunity.id));
    const known = new Set(current.map((l) => l.id));
    const given = new Set(parsed.line_ids);
    if (
      given.size !== parsed.line_ids.length ||
      given.size !== known.size ||
      ![...given].every((id) => known.has(id))
    ) {
      throw new AppError("invalid_input", "line_ids must list every line of this opportunity exactly once.", {
        issues: [{ field: "line_ids", message: `expected a permutation of the ${known.size} line ids` }],
      });
    }
    const now = ctx.clock.now();
    for (const [sortOrder, id] of parsed.line_ids.entries()) {
      await tx
        .update(productLines)
        .set({ sortOrder, updatedAt: now })
        .where(and(eq(productLines.opportunityId, opportunity.id), eq(productLines.id, id)));
    }
    const lines = await loadLines(tx, ctx.actor, new Map([[opportunity.id, opportunity.currency]]));
    return lines.get(opportunity.id) ?? [];
  });
}

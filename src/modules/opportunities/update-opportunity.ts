import { count, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { opportunities, productLines } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { resolveStage } from "../stages/index.ts";
import { assertReferences, getOpportunityOrThrow } from "./internal.ts";
import { type OpportunityView, toOpportunityViews } from "./opportunity-view.ts";
import { UpdateOpportunityCommand } from "./schemas.ts";
import { recordStageChange } from "./stage-change.ts";

export async function updateOpportunity(ctx: Ctx, input: UpdateOpportunityCommand) {
  const { id, ...parsed } = parseInput(UpdateOpportunityCommand, input);
  requireScope(ctx.actor.scopes, "opportunities:write");
  return withTransaction(ctx, async (tx) => {
    const current = await getOpportunityOrThrow(tx, ctx.actor.workspaceId, id);
    const refs = {
      companyId: parsed.company_id ?? current.companyId,
      primaryContactId: parsed.primary_contact_id === undefined ? current.primaryContactId : parsed.primary_contact_id,
      ownerId: parsed.owner_id === undefined ? current.ownerId : parsed.owner_id,
    };
    await assertReferences(tx, ctx.actor.workspaceId, refs);
    const stage = await resolveStage(
      tx,
      ctx.actor.workspaceId,
      { stageId: parsed.stage_id, stage: parsed.stage },
      ctx.clock.now(),
    );
    if (parsed.currency && parsed.currency !== current.currency) {
      const [lines] = await tx.select({ n: count() }).from(productLines).where(eq(productLines.opportunityId, id));
      if ((lines?.n ?? 0) > 0) {
        // Line prices are amounts in the old currency; silently re-labelling them would change their value.
        throw new AppError("conflict", "The currency cannot change while the opportunity has product lines.", {
          issues: [{ field: "currency", message: "remove the lines first, or create a new opportunity" }],
        });
      }
    }
    const [row] = await tx
      .update(opportunities)
      .set({
        name: parsed.name,
        currency: parsed.currency,
        stage: stage?.name,
        stageId: stage?.id,
        // Moving to a stage by id closes or reopens the deal by the stage's kind unless status says otherwise.
        status: parsed.status ?? (parsed.stage_id && stage ? stage.kind : undefined),
        ...refs,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(opportunities.id, current.id))
      .returning();
    if (row) await recordStageChange(tx, ctx, current, row);
    const [view] = await toOpportunityViews(tx, ctx.actor, [row ?? current], false);
    return view as OpportunityView;
  });
}

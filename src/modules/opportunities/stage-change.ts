import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { type OpportunityStatus, opportunities } from "../../db/schema/index.ts";
import { notFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { recordBusinessEvent } from "../payments/business-events.ts";

type StageFields = { id: string; workspaceId: string; stage: string; status: string };

/**
 * Records `opportunity_stage_changed` when the stage or the status (open/won/lost) moved, in the caller's
 * transaction. Each change is its own event; the depth of the automation that made it (if any) rides along.
 */
export async function recordStageChange(tx: Tx, ctx: Ctx, before: StageFields, after: StageFields): Promise<void> {
  if (before.stage === after.stage && before.status === after.status) return;
  const now = ctx.clock.now();
  const id = newId("event", now);
  await recordBusinessEvent(tx, {
    workspaceId: after.workspaceId,
    type: "opportunity_stage_changed",
    invoiceId: null,
    opportunityId: after.id,
    dedupeKey: `opportunity_stage_changed:${after.id}:${id}`,
    occurredAt: now,
    data: {
      from: before.stage,
      to: after.stage,
      from_status: before.status,
      to_status: after.status,
    },
    depth: ctx.automationDepth,
  });
}

/**
 * The system's way to move an opportunity's stage or status (an automation's set_stage / set_status): no
 * scope check here, the caller has done it. The row is locked so two runs moving it serialise.
 */
export async function setOpportunityStage(
  tx: Tx,
  ctx: Ctx,
  opportunityId: string,
  change: { stage?: string; status?: OpportunityStatus },
): Promise<{ from: StageFields; to: StageFields }> {
  const where = and(eq(opportunities.workspaceId, ctx.actor.workspaceId), eq(opportunities.id, opportunityId));
  const [current] = await tx.select().from(opportunities).where(where).for("update");
  if (!current) throw notFound("opportunity", opportunityId);
  const [row] = await tx
    .update(opportunities)
    .set({ stage: change.stage ?? current.stage, status: change.status ?? current.status, updatedAt: ctx.clock.now() })
    .where(where)
    .returning();
  const after = row ?? current;
  await recordStageChange(tx, ctx, current, after);
  return { from: current, to: after };
}

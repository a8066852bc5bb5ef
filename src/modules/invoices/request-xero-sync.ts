import { and, eq, sql } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { jobs } from "../../db/schema/jobs.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getXeroConnectionOrThrow } from "../integrations/index.ts";
import { getOpportunityOrThrow } from "../opportunities/internal.ts";

export const XERO_SYNC_JOB = "accounting.sync-opportunity";

/**
 * Queues a pull of the opportunity's Xero invoices. A sync already waiting covers this request too, so
 * repeated clicks queue one job. The jobs' dedupe key is permanent (it guards once-only events), so
 * "while queued" is checked here instead; two racing requests may both queue, which the idempotent sync
 * tolerates.
 */
export async function requestXeroSync(ctx: Ctx, input: { opportunity_id: string }): Promise<{ queued: boolean }> {
  const opportunityId = parseInput(RecordId, input.opportunity_id);
  requireScope(ctx.actor.scopes, "invoices:write");
  const workspaceId = ctx.actor.workspaceId;
  await getOpportunityOrThrow(ctx.db, workspaceId, opportunityId);
  await getXeroConnectionOrThrow(ctx.db, workspaceId);
  return withTransaction(ctx, async (tx) => {
    const [waiting] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          eq(jobs.workspaceId, workspaceId),
          eq(jobs.name, XERO_SYNC_JOB),
          eq(jobs.status, "queued"),
          sql`${jobs.payload}->>'opportunityId' = ${opportunityId}`,
        ),
      )
      .limit(1);
    if (waiting) {
      return { queued: false };
    }
    await enqueue(tx, XERO_SYNC_JOB, { opportunityId }, { workspaceId });
    return { queued: true };
  });
}

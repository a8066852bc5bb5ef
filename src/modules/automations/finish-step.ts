import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { type AutomationActionStatus, automationRunActions, automationRuns } from "../../db/schema/index.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { RUN_ACTION_JOB, type TxDeps } from "./engine-deps.ts";

export type StepRow = typeof automationRunActions.$inferSelect;
export type RunRow = typeof automationRuns.$inferSelect;

export type StepOutcome = {
  status: Extract<AutomationActionStatus, "succeeded" | "failed" | "dead">;
  attempts: number;
  result?: Record<string, unknown> | null;
  error?: string | null;
  responseStatus?: number | null;
  responseExcerpt?: string | null;
};

/**
 * Records an action's final outcome and moves the run on, in one transaction: the next action is queued, or
 * the run ends. A failed (or dead) action stops the run unless it is marked continue_on_failure.
 */
export async function finishStep(
  tx: Tx,
  deps: TxDeps,
  run: RunRow,
  step: StepRow,
  outcome: StepOutcome,
  continueOnFailure: boolean,
): Promise<void> {
  const now = deps.clock.now();
  await tx
    .update(automationRunActions)
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      result: outcome.result ?? null,
      error: outcome.error ?? null,
      responseStatus: outcome.responseStatus ?? null,
      responseExcerpt: outcome.responseExcerpt ?? null,
      nextRetryAt: null,
      updatedAt: now,
    })
    .where(eq(automationRunActions.id, step.id));
  const goOn = outcome.status === "succeeded" || continueOnFailure;
  const later = tx
    .select()
    .from(automationRunActions)
    .where(and(eq(automationRunActions.runId, run.id), gt(automationRunActions.position, step.position)))
    .orderBy(asc(automationRunActions.position));
  const [next] = goOn ? await later.limit(1) : [];
  if (next) {
    await enqueue(tx, RUN_ACTION_JOB, { actionRunId: next.id }, { workspaceId: run.workspaceId, runAt: now });
    return;
  }
  if (!goOn) {
    await tx
      .update(automationRunActions)
      .set({ status: "skipped", updatedAt: now })
      .where(and(eq(automationRunActions.runId, run.id), gt(automationRunActions.position, step.position)));
  }
  const failed = await tx
    .select({ id: automationRunActions.id })
    .from(automationRunActions)
    .where(and(eq(automationRunActions.runId, run.id), inArray(automationRunActions.status, ["failed", "dead"])))
    .limit(1);
  await tx
    .update(automationRuns)
    .set({ status: failed.length > 0 ? "failed" : "succeeded", finishedAt: now, updatedAt: now })
    .where(eq(automationRuns.id, run.id));
}

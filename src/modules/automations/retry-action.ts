import { and, eq, gt } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { automationRunActions, automationRuns } from "../../db/schema/index.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { RUN_ACTION_JOB } from "./engine-deps.ts";
import { RetryActionCommand } from "./schemas.ts";

/**
 * Retry a failed (or dead) action: it runs again now with a fresh set of attempts, and the actions it had
 * stopped (skipped) run after it, in order. Actions that succeeded are not repeated.
 */
export async function retryAutomationAction(ctx: Ctx, input: { id: string; run_id: string; action_id: string }) {
  const parsed = parseInput(RetryActionCommand, input);
  requireScope(ctx.actor.scopes, "automations:write");
  return withTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const [run] = await tx
      .select()
      .from(automationRuns)
      .where(
        and(
          eq(automationRuns.workspaceId, ws),
          eq(automationRuns.id, parsed.run_id),
          eq(automationRuns.automationId, parsed.id),
        ),
      )
      .for("update");
    if (!run) throw notFound("run", parsed.run_id);
    const [step] = await tx
      .select()
      .from(automationRunActions)
      .where(and(eq(automationRunActions.runId, run.id), eq(automationRunActions.id, parsed.action_id)));
    if (!step) throw notFound("run action", parsed.action_id);
    if (step.status !== "failed" && step.status !== "dead") {
      throw new AppError("conflict", `The action is ${step.status}; only a failed or dead action can be retried.`);
    }
    const now = ctx.clock.now();
    await tx
      .update(automationRunActions)
      .set({ status: "pending", attempts: 0, nextRetryAt: null, error: null, updatedAt: now })
      .where(eq(automationRunActions.id, step.id));
    await tx
      .update(automationRunActions)
      .set({ status: "pending", updatedAt: now })
      .where(
        and(
          eq(automationRunActions.runId, run.id),
          gt(automationRunActions.position, step.position),
          eq(automationRunActions.status, "skipped"),
        ),
      );
    await tx
      .update(automationRuns)
      .set({ status: "running", finishedAt: null, updatedAt: now })
      .where(eq(automationRuns.id, run.id));
    await enqueue(tx, RUN_ACTION_JOB, { actionRunId: step.id }, { workspaceId: ws, runAt: now });
    return { runId: run.id, actionId: step.id };
  });
}

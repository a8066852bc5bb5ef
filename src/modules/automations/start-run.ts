import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { automationRunActions, automationRuns } from "../../db/schema/index.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { newId } from "../../lib/ids.ts";
import { conditionsMatch } from "./conditions.ts";
import { MAX_AUTOMATION_DEPTH, RUN_ACTION_JOB, type TxDeps } from "./engine-deps.ts";
import { type BusinessEventRow, conditionFacts, loadEventContext } from "./event-context.ts";
import type { AutomationRow } from "./internal.ts";
import { resolveOwner } from "./owner-actor.ts";

export type StartOutcome = "started" | "duplicate" | "not_matched" | "stopped";

/**
 * Starts one automation's run for one event, in the caller's transaction: the (automation, event, replay)
 * unique key makes a second start (a duplicate job, a retried match) change nothing. Conditions are evaluated
 * with the owner's current scopes; a run past the depth limit or whose owner is gone is logged as failed.
 */
export async function startRun(
  tx: Tx,
  deps: Pick<TxDeps, "db" | "clock"> & { logger?: TxDeps["logger"] },
  automation: AutomationRow,
  event: BusinessEventRow,
  replay = 0,
): Promise<{ outcome: StartOutcome; runId: string | null }> {
  const owner = await resolveOwner(tx, automation);
  const stopped = stopReason(event, owner !== null);
  // Only a run that would have acted is logged as stopped; one whose conditions fail is no run at all.
  if (owner) {
    const context = await loadEventContext(tx, event);
    if (!conditionsMatch(automation.conditions, conditionFacts(owner, context))) {
      return { outcome: "not_matched", runId: null };
    }
  }
  const now = deps.clock.now();
  const [run] = await tx
    .insert(automationRuns)
    .values({
      id: newId("automationRun", now),
      workspaceId: automation.workspaceId,
      automationId: automation.id,
      eventId: event.id,
      replay,
      depth: event.depth,
      status: stopped ? "failed" : "running",
      note: stopped,
      finishedAt: stopped ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!run) return { outcome: "duplicate", runId: null };
  if (stopped) {
    deps.logger?.warn({ automation_id: automation.id, event_id: event.id, reason: stopped }, "automation run stopped");
    return { outcome: "stopped", runId: run.id };
  }
  const rows = automation.actions.map((action, position) => ({
    id: newId("automationAction", now),
    workspaceId: automation.workspaceId,
    runId: run.id,
    position,
    actionId: action.id,
    type: action.type,
    createdAt: now,
    updatedAt: now,
  }));
  await tx.insert(automationRunActions).values(rows);
  const first = rows[0];
  if (first) {
    await enqueue(tx, RUN_ACTION_JOB, { actionRunId: first.id }, { workspaceId: automation.workspaceId, runAt: now });
  }
  return { outcome: "started", runId: run.id };
}

function stopReason(event: BusinessEventRow, ownerFound: boolean): string | null {
  if (event.depth >= MAX_AUTOMATION_DEPTH) {
    return `Stopped: this event was caused by automations ${event.depth} levels deep (the limit is ${MAX_AUTOMATION_DEPTH}), so it runs no actions.`;
  }
  if (!ownerFound) {
    return "Stopped: the automation's owner is no longer a member of the workspace (or its API key was revoked).";
  }
  return null;
}

/** Runs of one event already started for an automation (replays count up from the first run). */
export async function nextReplayOf(tx: Tx, automationId: string, eventId: string): Promise<number> {
  const runs = await tx
    .select({ replay: automationRuns.replay })
    .from(automationRuns)
    .where(and(eq(automationRuns.automationId, automationId), eq(automationRuns.eventId, eventId)));
  return runs.reduce((max, r) => Math.max(max, r.replay + 1), 0);
}

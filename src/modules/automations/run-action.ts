import { and, eq, inArray, lt, or } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { automationRunActions, automationRuns, automations, type StoredAction } from "../../db/schema/index.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { type EngineDeps, RUN_ACTION_JOB, WEBHOOK_MAX_ATTEMPTS, webhookBackoffMs } from "./engine-deps.ts";
import { type EventContext, loadEvent, loadEventContext, webhookPayload } from "./event-context.ts";
import { finishStep, type RunRow, type StepRow } from "./finish-step.ts";
import { ActionFailure, performLocalAction } from "./local-actions.ts";
import { ownerCtx, resolveOwner } from "./owner-actor.ts";
import { secretBoxOf, secretContext } from "./stored-actions.ts";
import { postWebhook, signedHeaders } from "./webhook.ts";

/** A step left `running` this long was held by a worker that died; the next job for it may take it over. */
const STALE_RUNNING_MS = 2 * 60_000;

/**
 * The job behind each action of a run, in order: loads the step, acts as the automation's owner (scopes as
 * they are now), records the outcome and queues the next step. A webhook's failed attempt is retried with
 * backoff; its 8th failure makes it dead.
 */
export async function runAction(deps: EngineDeps, workspaceId: string, actionRunId: string): Promise<void> {
  const loaded = await loadStep(deps, workspaceId, actionRunId);
  if (!loaded) return;
  const { step, run, automation } = loaded;
  const action = automation.actions.find((a) => a.id === step.actionId);
  const continueOnFailure = action?.continue_on_failure === true;
  const fail = (error: string) =>
    deps.db.transaction(async (tx) => {
      if (!(await claim(tx, deps, step))) return;
      await finishStep(
        tx,
        { ...deps, db: tx },
        run,
        step,
        { status: "failed", attempts: step.attempts + 1, error },
        continueOnFailure,
      );
    });
  if (!action) return fail("The action was removed from the automation after this run started.");
  const owner = await resolveOwner(deps.db, automation);
  if (!owner) return fail("The automation's owner is no longer a member of the workspace.");
  const event = await loadEvent(deps.db, workspaceId, run.eventId);
  if (!event) return fail("The event is gone.");
  const context = await loadEventContext(deps.db, event);
  if (action.type === "call_webhook") {
    return callWebhook(deps, { run, step, action, context, owner, continueOnFailure });
  }
  await deps.db.transaction(async (tx) => {
    if (!(await claim(tx, deps, step))) return;
    const ctx = ownerCtx({ ...deps, db: tx }, owner, run.depth);
    let outcome: Parameters<typeof finishStep>[4];
    try {
      // A savepoint: an action that fails part-way leaves nothing behind but its failure.
      const result = await tx.transaction((inner) =>
        performLocalAction(inner, { ...ctx, db: inner }, action, context, step.id),
      );
      outcome = { status: "succeeded", attempts: step.attempts + 1, result };
    } catch (error) {
      if (!(error instanceof ActionFailure)) throw error;
      outcome = { status: "failed", attempts: step.attempts + 1, error: error.message };
    }
    await finishStep(tx, { ...deps, db: tx }, run, step, outcome, continueOnFailure);
  });
}

async function loadStep(deps: EngineDeps, workspaceId: string, id: string) {
  const [row] = await deps.db
    .select({ step: automationRunActions, run: automationRuns, automation: automations })
    .from(automationRunActions)
    .innerJoin(automationRuns, eq(automationRuns.id, automationRunActions.runId))
    .innerJoin(automations, eq(automations.id, automationRuns.automationId))
    .where(and(eq(automationRunActions.workspaceId, workspaceId), eq(automationRunActions.id, id)));
  if (row?.run.status !== "running") return null;
  return row;
}

/** Takes the step for this worker (pending, or running but abandoned); false when another has it or it ended. */
async function claim(tx: Tx | EngineDeps["db"], deps: EngineDeps, step: StepRow): Promise<boolean> {
  const now = deps.clock.now();
  const claimed = await tx
    .update(automationRunActions)
    .set({ status: "running", updatedAt: now })
    .where(
      and(
        eq(automationRunActions.id, step.id),
        or(
          inArray(automationRunActions.status, ["pending"]),
          and(
            eq(automationRunActions.status, "running"),
            lt(automationRunActions.updatedAt, new Date(now.getTime() - STALE_RUNNING_MS)),
          ),
        ),
      ),
    )
    .returning({ id: automationRunActions.id });
  return claimed.length > 0;
}

type WebhookStep = {
  run: RunRow;
  step: StepRow;
  action: StoredAction;
  context: EventContext;
  owner: NonNullable<Awaited<ReturnType<typeof resolveOwner>>>;
  continueOnFailure: boolean;
};

/** One delivery attempt, made outside any transaction (a network call never holds a database lock). */
async function callWebhook(deps: EngineDeps, w: WebhookStep): Promise<void> {
  if (!(await claim(deps.db, deps, w.step))) return;
  const attempts = w.step.attempts + 1;
  const body = JSON.stringify(webhookPayload(w.owner, w.context, w.run));
  let secret: string;
  try {
    secret = secretBoxOf(deps).open(String(w.action.secret_sealed), secretContext(w.run.workspaceId, w.action.id));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.db.transaction((tx) =>
      finishStep(
        tx,
        { ...deps, db: tx },
        w.run,
        w.step,
        { status: "failed", attempts, error: message },
        w.continueOnFailure,
      ),
    );
    return;
  }
  const now = deps.clock.now();
  const headers = signedHeaders(secret, `msg_${w.step.id}`, now, body);
  const attempt = await postWebhook(String(w.action.url), headers, body);
  const response = { responseStatus: attempt.status, responseExcerpt: attempt.excerpt, error: attempt.error };
  await deps.db.transaction(async (tx) => {
    const txDeps = { ...deps, db: tx };
    if (attempt.ok) {
      await finishStep(tx, txDeps, w.run, w.step, { status: "succeeded", attempts, ...response }, w.continueOnFailure);
    } else if (attempts >= WEBHOOK_MAX_ATTEMPTS) {
      await finishStep(tx, txDeps, w.run, w.step, { status: "dead", attempts, ...response }, w.continueOnFailure);
    } else {
      const nextRetryAt = new Date(deps.clock.now().getTime() + webhookBackoffMs(attempts));
      await tx
        .update(automationRunActions)
        .set({ status: "pending", attempts, ...response, nextRetryAt, updatedAt: deps.clock.now() })
        .where(eq(automationRunActions.id, w.step.id));
      await enqueue(
        tx,
        RUN_ACTION_JOB,
        { actionRunId: w.step.id },
        { workspaceId: w.run.workspaceId, runAt: nextRetryAt },
      );
    }
  });
}

import { matchEvent, RUN_ACTION_JOB, runAction } from "../../modules/automations/index.ts";
import { AUTOMATION_MATCH_JOB } from "../../modules/payments/business-events.ts";
import type { JobContext } from "../define-job.ts";
import { defineJob } from "../define-job.ts";
import { JOB_PAYLOADS } from "../job-payloads.ts";

function engineDeps(ctx: JobContext) {
  return { db: ctx.db, clock: ctx.clock, logger: ctx.logger, secrets: ctx.secrets, mail: ctx.mailSettings };
}

/** A recorded business event: start a run of every enabled automation it triggers (once per automation). */
export const automationMatchJob = defineJob({
  name: AUTOMATION_MATCH_JOB,
  schema: JOB_PAYLOADS[AUTOMATION_MATCH_JOB],
  handler: async (ctx, payload) => {
    if (!ctx.workspaceId) return;
    const started = await matchEvent(engineDeps(ctx), ctx.workspaceId, payload.eventId);
    if (started > 0) ctx.logger.info({ event_id: payload.eventId, runs: started }, "automations started");
  },
});

/**
 * One action of a run. Webhook retries are the action's own (recorded on the run log, up to a day apart), so
 * a failure thrown here is Settle's (the database), which the queue's own backoff handles.
 */
export const automationRunActionJob = defineJob({
  name: RUN_ACTION_JOB,
  schema: JOB_PAYLOADS[RUN_ACTION_JOB],
  handler: async (ctx, payload) => {
    if (!ctx.workspaceId) return;
    await runAction(engineDeps(ctx), ctx.workspaceId, payload.actionRunId);
  },
});

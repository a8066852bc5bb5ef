import { createOutboxTransport } from "../../integrations/mail/index.ts";
import { deliverMail, MAIL_DELIVER_JOB, MAIL_MAX_ATTEMPTS } from "../../modules/mail/index.ts";
import { defineJob } from "../define-job.ts";
import { JOB_PAYLOADS } from "../job-payloads.ts";

const outbox = createOutboxTransport();

/**
 * One job per message. deliverMail records each attempt on the message; it throws only for a temporary
 * failure (SMTP 4xx, no connection), which the queue retries with backoff. A 5xx reply fails the message and
 * ends the job, so a refused address is not tried again.
 */
export const mailDeliverJob = defineJob({
  name: MAIL_DELIVER_JOB,
  schema: JOB_PAYLOADS[MAIL_DELIVER_JOB],
  maxAttempts: MAIL_MAX_ATTEMPTS,
  handler: async (ctx, payload) => {
    if (!ctx.workspaceId) return;
    await deliverMail(
      {
        db: ctx.db,
        clock: ctx.clock,
        logger: ctx.logger,
        transport: ctx.mail ?? outbox,
        workspaceId: ctx.workspaceId,
        attempt: ctx.attempt,
      },
      payload.messageId,
    );
  },
});

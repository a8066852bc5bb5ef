import { deactivatePaymentLinkInStripe, processStripeEvent } from "../../modules/payments/index.ts";
import { defineJob } from "../define-job.ts";
import { JOB_PAYLOADS } from "../job-payloads.ts";

/** A stored Stripe webhook event, processed after Stripe had its 2xx. */
export const stripeEventJob = defineJob({
  name: "payments.process-event",
  schema: JOB_PAYLOADS["payments.process-event"],
  maxAttempts: 10,
  handler: async (ctx, payload) => {
    const outcome = await processStripeEvent(ctx, payload.eventId);
    ctx.logger.info({ stripe_event: payload.eventId, outcome }, "stripe event processed");
  },
});

/** A one-time link whose invoice is paid (or a replaced link) is switched off in Stripe too. */
export const deactivatePaymentLinkJob = defineJob({
  name: "payments.deactivate-link",
  schema: JOB_PAYLOADS["payments.deactivate-link"],
  handler: async (ctx, payload) => {
    await deactivatePaymentLinkInStripe(ctx, payload.paymentLinkId);
  },
});

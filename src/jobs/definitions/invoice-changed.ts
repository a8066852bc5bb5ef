import { z } from "zod";
import { INVOICE_EVENT_JOB, INVOICE_EVENTS, recomputeOpportunityTotals } from "../../modules/invoices/index.ts";
import { defineJob } from "../define-job.ts";

/** Keeps the opportunity's invoiced/paid totals current; later reactions (mail, automations) hang here too. */
export const invoiceChangedJob = defineJob({
  name: INVOICE_EVENT_JOB,
  schema: z.object({ invoiceId: z.string(), opportunityId: z.string(), event: z.enum(INVOICE_EVENTS) }),
  handler: async (ctx, payload) => {
    if (!ctx.workspaceId) {
      return;
    }
    await recomputeOpportunityTotals(ctx.db, ctx.workspaceId, payload.opportunityId);
    ctx.logger.info({ invoice_id: payload.invoiceId, event: payload.event }, "invoice event handled");
  },
});

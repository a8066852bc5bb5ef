import { INVOICE_EVENT_JOB, recomputeOpportunityTotals } from "../../modules/invoices/index.ts";
import { retirePaymentLinksOfClosedInvoice } from "../../modules/payments/index.ts";
import { defineJob } from "../define-job.ts";
import { JOB_PAYLOADS } from "../job-payloads.ts";

/**
 * Keeps the opportunity's invoiced/paid totals current, and switches off the payment links of an invoice
 * that closed (paid by any path, voided, deleted); later reactions (mail, automations) hang here too.
 */
export const invoiceChangedJob = defineJob({
  name: INVOICE_EVENT_JOB,
  schema: JOB_PAYLOADS[INVOICE_EVENT_JOB],
  handler: async (ctx, payload) => {
    if (!ctx.workspaceId) {
      return;
    }
    await recomputeOpportunityTotals(ctx.db, ctx.workspaceId, payload.opportunityId);
    // Any change may have closed it (a deletion is an update); the check reads the invoice's status.
    await retirePaymentLinksOfClosedInvoice(ctx.db, ctx.workspaceId, payload.invoiceId, ctx.clock.now());
    ctx.logger.info({ invoice_id: payload.invoiceId, event: payload.event }, "invoice event handled");
  },
});

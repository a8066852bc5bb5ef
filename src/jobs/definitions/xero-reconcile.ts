import { SCOPES } from "../../modules/access/index.ts";
import { reconcileXeroInvoice, XERO_RECONCILE_JOB } from "../../modules/invoices/index.ts";
import { defineJob } from "../define-job.ts";
import { JOB_PAYLOADS } from "../job-payloads.ts";

/** Finds or forgets a Xero invoice whose creating request never recorded Xero's answer (exactly once). */
export const xeroReconcileJob = defineJob({
  name: XERO_RECONCILE_JOB,
  schema: JOB_PAYLOADS[XERO_RECONCILE_JOB],
  handler: async (ctx, payload) => {
    if (!ctx.workspaceId) return;
    const actor = { kind: "system" as const, workspaceId: ctx.workspaceId, scopes: new Set(SCOPES) };
    const outcome = await reconcileXeroInvoice(
      { db: ctx.db, clock: ctx.clock, actor, accounting: ctx.accounting },
      { invoice_id: payload.invoiceId },
    );
    ctx.logger.info({ invoice_id: payload.invoiceId, outcome }, "xero invoice reconciled");
  },
});

import { SCOPES } from "../../modules/access/index.ts";
import { syncOpportunityXeroInvoices, XERO_SYNC_JOB } from "../../modules/invoices/index.ts";
import { defineJob } from "../define-job.ts";
import { JOB_PAYLOADS } from "../job-payloads.ts";

/** Pulls an opportunity's Xero invoices and moves its lines up; queued by Sync Invoices (SPEC §4.5). */
export const xeroSyncJob = defineJob({
  name: XERO_SYNC_JOB,
  schema: JOB_PAYLOADS[XERO_SYNC_JOB],
  handler: async (ctx, payload) => {
    if (!ctx.workspaceId) {
      return;
    }
    const actor = { kind: "system" as const, workspaceId: ctx.workspaceId, scopes: new Set(SCOPES) };
    const result = await syncOpportunityXeroInvoices(
      { db: ctx.db, clock: ctx.clock, actor, accounting: ctx.accounting },
      { opportunity_id: payload.opportunityId },
    );
    ctx.logger.info({ opportunity_id: payload.opportunityId, updated: result.updated }, "xero invoices synced");
  },
});

import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { xeroConnections } from "../../db/schema/integrations.ts";
import { xeroSyncStates } from "../../db/schema/xero-sync.ts";
import { SCOPES } from "../../modules/access/index.ts";
import { processXeroWebhook, processXeroWebhooks, syncXeroWorkspace } from "../../modules/invoices/index.ts";
import { defineJob } from "../define-job.ts";
import { enqueue } from "../enqueue.ts";
import { JOB_PAYLOADS } from "../job-payloads.ts";

export const XERO_WORKSPACE_SYNC_JOB = "accounting.sync-workspace";
export const DEFAULT_XERO_SYNC_MINUTES = 15;

/** The workspace sync: every linked contact's invoices changed in Xero since the watermark (SPEC §4.5). */
export const xeroWorkspaceSyncJob = defineJob({
  name: XERO_WORKSPACE_SYNC_JOB,
  schema: JOB_PAYLOADS[XERO_WORKSPACE_SYNC_JOB],
  maxAttempts: 8,
  handler: async (ctx) => {
    if (!ctx.workspaceId) return;
    const actor = { kind: "system" as const, workspaceId: ctx.workspaceId, scopes: new Set(SCOPES) };
    const result = await syncXeroWorkspace({ db: ctx.db, clock: ctx.clock, actor, accounting: ctx.accounting });
    ctx.logger.info({ workspace_id: ctx.workspaceId, ...result }, "xero workspace synced");
  },
});

/** An organisation's stored Xero webhook deliveries, processed together after Xero had its 200s. */
export const xeroWebhookJob = defineJob({
  name: "accounting.xero-webhook",
  schema: JOB_PAYLOADS["accounting.xero-webhook"],
  maxAttempts: 10,
  handler: async (ctx, payload) => {
    if ("deliveryId" in payload) {
      const result = await processXeroWebhook(ctx, payload.deliveryId);
      ctx.logger.info({ delivery_id: payload.deliveryId, ...result }, "xero webhook processed");
      return;
    }
    const result = await processXeroWebhooks(ctx, { tenantId: payload.tenantId, jobId: ctx.jobId });
    ctx.logger.info({ tenant_id: payload.tenantId, ...result }, "xero webhooks processed");
  },
});

/**
 * Queues each connected workspace's sync for the interval `now` falls in (its own interval, default 15
 * minutes); the dedupe key names the interval, so many workers queue one between them.
 */
export async function scheduleXeroWorkspaceSyncs(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db
    .select({ workspaceId: xeroConnections.workspaceId, minutes: xeroSyncStates.intervalMinutes })
    .from(xeroConnections)
    .leftJoin(xeroSyncStates, eq(xeroSyncStates.workspaceId, xeroConnections.workspaceId))
    .where(eq(xeroConnections.status, "active"));
  let queued = 0;
  for (const row of rows) {
    const minutes = row.minutes ?? DEFAULT_XERO_SYNC_MINUTES;
    const interval = Math.floor(now.getTime() / (minutes * 60_000));
    const id = await enqueue(
      db,
      XERO_WORKSPACE_SYNC_JOB,
      {},
      {
        workspaceId: row.workspaceId,
        dedupeKey: `${XERO_WORKSPACE_SYNC_JOB}:${row.workspaceId}:${minutes}:${interval}`,
      },
    );
    if (id) queued += 1;
  }
  return queued;
}

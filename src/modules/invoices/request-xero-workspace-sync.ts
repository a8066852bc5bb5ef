import { and, eq, inArray } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { jobs } from "../../db/schema/jobs.ts";
import { xeroSyncStates } from "../../db/schema/xero-sync.ts";
import { enqueue } from "../../jobs/enqueue.ts";
import { requireScope } from "../access/index.ts";
import { getXeroConnectionOrThrow } from "../integrations/index.ts";

const JOB = "accounting.sync-workspace";

export type XeroSyncProgress = {
  state: "idle" | "queued" | "running" | "failed";
  processed: number;
  total: number;
  watermark: Date | null;
  intervalMinutes: number;
  lastError: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/** Actions → Sync Invoices: queues the workspace sync unless one is already waiting or running. */
export async function requestXeroWorkspaceSync(ctx: Ctx): Promise<XeroSyncProgress> {
  requireScope(ctx.actor.scopes, "invoices:write");
  const workspaceId = ctx.actor.workspaceId;
  await getXeroConnectionOrThrow(ctx.db, workspaceId);
  await withTransaction(ctx, async (tx) => {
    const [waiting] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.name, JOB), inArray(jobs.status, ["queued", "running"])))
      .limit(1);
    if (!waiting) await enqueue(tx, JOB, {}, { workspaceId });
  });
  return readXeroSyncProgress(ctx);
}

/** Where the workspace sync is: "312 of 1,204 invoices", and when it last finished. */
export async function getXeroSyncProgress(ctx: Ctx): Promise<XeroSyncProgress> {
  requireScope(ctx.actor.scopes, "integrations:read");
  return readXeroSyncProgress(ctx);
}

async function readXeroSyncProgress(ctx: Ctx): Promise<XeroSyncProgress> {
  const workspaceId = ctx.actor.workspaceId;
  const [state] = await ctx.db.select().from(xeroSyncStates).where(eq(xeroSyncStates.workspaceId, workspaceId));
  const [waiting] = await ctx.db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.name, JOB), eq(jobs.status, "queued")))
    .limit(1);
  const running = state?.state === "running";
  return {
    state: running ? "running" : waiting ? "queued" : (state?.state ?? "idle"),
    processed: state?.processed ?? 0,
    total: state?.total ?? 0,
    watermark: state?.watermark ?? null,
    intervalMinutes: state?.intervalMinutes ?? 15,
    lastError: state?.lastError ?? null,
    startedAt: state?.startedAt ?? null,
    finishedAt: state?.finishedAt ?? null,
  };
}

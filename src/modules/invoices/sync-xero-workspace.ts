import { eq, sql } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { xeroSyncStates } from "../../db/schema/xero-sync.ts";
import { AppError } from "../../lib/errors.ts";
import { xeroLedger } from "../integrations/index.ts";
import { applyXeroRemoteInvoices, linkedXeroContacts } from "./apply-xero-remote-invoices.ts";

/** Xero's largest page. */
export const XERO_PAGE_SIZE = 1000;
/**
 * How far the watermark stays behind what a run saw: a change Xero had dated but not yet committed, or dated
 * in the same second (If-Modified-Since is to the second), is read again by the next run.
 */
export const WATERMARK_MARGIN_MS = 5 * 60_000;
/** ContactIDs= travels in the URL like IDs= (~52 GUIDs at most); with more, the filter is applied here. */
const CONTACT_IDS_PER_REQUEST = 50;

export type WorkspaceSyncResult = { pages: number; read: number; changed: number };

/**
 * The workspace sync (SPEC §4.5): every sales invoice of the contacts Settle links that changed in Xero since
 * the watermark, a page of 1000 at a time, oldest change first. The watermark is where the next run reads
 * from, kept a margin behind what was seen and only ever moved forward: after each complete page, to that
 * page's last UpdatedDateUTC less the margin (so a fault leaves it where the last complete page ended); after
 * a complete run, to Xero's clock when it answered the first page less the margin, since every change dated
 * before that was already there to be read. Paging stops at a page shorter than the page size (or the last
 * page Xero counts), so a quiet organisation costs one call. Applying is idempotent and forward-only, so
 * re-runs and concurrent runs converge.
 */
export async function syncXeroWorkspace(ctx: Ctx): Promise<WorkspaceSyncResult> {
  const workspaceId = ctx.actor.workspaceId;
  const { ledger, tenantId } = await xeroLedger(ctx);
  const state = await startRun(ctx, tenantId);
  const linked = await linkedXeroContacts(ctx, tenantId);
  const result: WorkspaceSyncResult = { pages: 0, read: 0, changed: 0 };
  if (linked.size === 0) {
    await endRun(ctx, null);
    return result;
  }
  const since = state.watermark;
  const contactIds = linked.size <= CONTACT_IDS_PER_REQUEST ? [...linked] : null;
  let firstServedAt: Date | null = null;
  try {
    for (let page = 1; ; page += 1) {
      const answer = await ledger.listInvoicesChangedSince({
        modifiedSince: since,
        page,
        pageSize: XERO_PAGE_SIZE,
        contactIds,
      });
      result.pages += 1;
      if (page === 1) firstServedAt = answer.servedAt;
      result.read += answer.invoices.length;
      result.changed += await applyXeroRemoteInvoices(ctx, tenantId, answer.invoices, linked);
      const last = answer.invoices.reduce<Date | null>(
        (max, i) => (i.updatedAt && (!max || i.updatedAt > max) ? i.updatedAt : max),
        null,
      );
      const total = answer.itemCount ?? result.read;
      await ctx.db
        .update(xeroSyncStates)
        .set({
          processed: result.read,
          total,
          // Never backwards: a concurrent run may already have gone further.
          ...(last ? { watermark: forward(behind(last)) } : {}),
        })
        .where(eq(xeroSyncStates.workspaceId, workspaceId));
      const done = answer.invoices.length < XERO_PAGE_SIZE || (answer.pageCount !== null && page >= answer.pageCount);
      if (done) break;
    }
  } catch (error) {
    await endRun(ctx, error instanceof Error ? error.message : String(error));
    throw error;
  }
  await endRun(ctx, null, firstServedAt ? behind(firstServedAt) : null);
  return result;
}

const behind = (at: Date) => new Date(at.getTime() - WATERMARK_MARGIN_MS);
// Never backwards: a concurrent run may already have gone further.
const forward = (to: Date) => sql`greatest(${xeroSyncStates.watermark}, ${to.toISOString()}::timestamptz)`;

async function startRun(ctx: Ctx, tenantId: string) {
  const workspaceId = ctx.actor.workspaceId;
  const now = ctx.clock.now();
  await ctx.db.insert(xeroSyncStates).values({ workspaceId, tenantId }).onConflictDoNothing();
  const [state] = await ctx.db.select().from(xeroSyncStates).where(eq(xeroSyncStates.workspaceId, workspaceId));
  if (!state) throw new AppError("internal", "The Xero sync state was not recorded.");
  // Another organisation connected since: its invoices start from the beginning.
  const watermark = state.tenantId === tenantId ? state.watermark : null;
  await ctx.db
    .update(xeroSyncStates)
    .set({ tenantId, watermark, state: "running", processed: 0, total: 0, lastError: null, startedAt: now })
    .where(eq(xeroSyncStates.workspaceId, workspaceId));
  return { ...state, watermark };
}

async function endRun(ctx: Ctx, error: string | null, watermark: Date | null = null): Promise<void> {
  await ctx.db
    .update(xeroSyncStates)
    .set({
      state: error ? "failed" : "idle",
      lastError: error?.slice(0, 1000) ?? null,
      finishedAt: ctx.clock.now(),
      ...(watermark ? { watermark: forward(watermark) } : {}),
    })
    .where(eq(xeroSyncStates.workspaceId, ctx.actor.workspaceId));
}

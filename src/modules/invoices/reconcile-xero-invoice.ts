import { and, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { AppError } from "../../lib/errors.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { xeroLedger } from "../integrations/index.ts";
import { discardPendingXeroInvoice, recordXeroAnswer } from "./record-xero-answer.ts";
import { xeroReference } from "./xero-invoice-input.ts";

/** After this long without a Xero invoice carrying its reference, a pending invoice was never made there. */
const GIVE_UP_AFTER_MS = 15 * 60_000;

export type ReconcileOutcome = "done" | "recorded" | "discarded";

/**
 * Settles a Xero invoice whose creating request never recorded Xero's answer (it crashed, timed out or was
 * killed): the invoice Xero made is found by the Settle id in its Reference and recorded exactly as the
 * request would have; with none there after GIVE_UP_AFTER_MS the pending row is removed. Until then it
 * fails (and the job retries with backoff), because the request may still be on its way to Xero.
 */
export async function reconcileXeroInvoice(ctx: Ctx, input: { invoice_id: string }): Promise<ReconcileOutcome> {
  const invoiceId = parseInput(RecordId, input.invoice_id);
  const workspaceId = ctx.actor.workspaceId;
  const [row] = await ctx.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, invoiceId)));
  if (!row) return "done";
  if (row.provider !== "xero" || row.externalId !== null) return "done";
  const { ledger, tenantId } = await xeroLedger(ctx, { recordId: invoiceId });
  if (row.xeroTenantId && row.xeroTenantId !== tenantId) {
    // The workspace moved to another organisation; this one can no longer be asked.
    await withTransaction(ctx, (tx) => discardPendingXeroInvoice(tx, workspaceId, invoiceId));
    return "discarded";
  }
  const [found] = await ledger.findInvoicesByReference(xeroReference(row.reference, row.id));
  if (found) {
    await withTransaction(ctx, (tx) => recordXeroAnswer(tx, ctx, invoiceId, found, false));
    return "recorded";
  }
  if (ctx.clock.now().getTime() - row.createdAt.getTime() >= GIVE_UP_AFTER_MS) {
    await withTransaction(ctx, (tx) => discardPendingXeroInvoice(tx, workspaceId, invoiceId));
    return "discarded";
  }
  throw new AppError("upstream_failed", `Xero has no invoice for ${invoiceId} yet; looking again later.`);
}

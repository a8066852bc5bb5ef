import { and, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { invoiceLines, invoices } from "../../db/schema/invoices.ts";
import type { LedgerInvoice } from "../../integrations/accounting/port.ts";
import { recordInvoiceSent } from "./invoice-business-events.ts";
import { enqueueInvoiceChanged } from "./invoice-events.ts";
import { promoteSentInvoiceLines } from "./promote-invoice-lines.ts";

/**
 * Completes a pending Xero invoice with what Xero made: its id, number, status and its own totals (Xero is
 * the ledger; where its rounding differs from the preview the DTO shows both). Only a still-pending row is
 * completed, so the request, its retry and the reconciliation job can all report the same answer and only
 * the first counts. Returns false when another already did.
 */
export async function recordXeroAnswer(
  tx: Tx,
  ctx: Ctx,
  invoiceId: string,
  answer: LedgerInvoice,
  emailed: boolean,
): Promise<boolean> {
  const workspaceId = ctx.actor.workspaceId;
  const now = ctx.clock.now();
  const [row] = await tx
    .update(invoices)
    .set({
      number: answer.number,
      externalId: answer.id,
      status: answer.status,
      subtotalAmount: answer.subtotalAmount,
      taxAmount: answer.taxAmount,
      totalAmount: answer.totalAmount,
      amountPaidAmount: answer.amountPaidAmount,
      sentAt: emailed ? now : null,
      updatedAt: now,
    })
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, invoiceId), isNull(invoices.externalId)))
    .returning();
  if (!row) return false;
  const approved = row.status === "AUTHORISED" || row.status === "SUBMITTED" || row.status === "PAID";
  if (approved) {
    await promoteSentInvoiceLines(tx, ctx, row, "invoice_sent");
    await recordInvoiceSent(tx, row, "invoice_sent", now);
  }
  await enqueueInvoiceChanged(tx, workspaceId, {
    invoiceId: row.id,
    opportunityId: row.opportunityId,
    event: approved ? "sent" : "created",
  });
  return true;
}

/** Xero refused the invoice (or never made it): the pending row and its lines go, as if never written. */
export async function discardPendingXeroInvoice(tx: Tx, workspaceId: string, invoiceId: string): Promise<void> {
  const [pending] = await tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, invoiceId), isNull(invoices.externalId)))
    .for("update");
  if (!pending) return;
  await tx.delete(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId));
  await tx.delete(invoices).where(eq(invoices.id, invoiceId));
}

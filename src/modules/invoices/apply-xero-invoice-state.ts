import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { invoices } from "../../db/schema/invoices.ts";
import type { LedgerInvoice } from "../../integrations/accounting/port.ts";
import type { InvoiceRow } from "./internal.ts";
import { recordInvoicePaid, recordInvoiceSent } from "./invoice-business-events.ts";
import { enqueueInvoiceChanged } from "./invoice-events.ts";
import { promoteSentInvoiceLines, promoteSettledLines } from "./promote-invoice-lines.ts";

const UNSENT = new Set(["DRAFT", "SUBMITTED"]);
const RANK: Record<string, number> = { DRAFT: 0, SUBMITTED: 1, AUTHORISED: 2, PAID: 3, VOIDED: 3, DELETED: 3 };

/**
 * Brings one Xero invoice's local copy to Xero's state (status, amounts, due date, the day it was paid) and
 * moves its lines up: approved in Xero counts as sent, PAID settles what it fully covers (SPEC §2). The row
 * is locked, so a concurrent sync of the same invoice waits and then finds nothing left to change; lines only
 * ever move up. Returns the updated row, or null when nothing changed.
 */
export async function applyXeroInvoiceState(tx: Tx, ctx: Ctx, remote: LedgerInvoice): Promise<InvoiceRow | null> {
  const where = and(
    eq(invoices.workspaceId, ctx.actor.workspaceId),
    eq(invoices.provider, "xero"),
    eq(invoices.externalId, remote.id),
  );
  const [current] = await tx.select().from(invoices).where(where).for("update");
  if (!current) return null;
  // A stale read (out-of-order webhook, a concurrent sync) never moves a status or the amount paid down.
  const rank = (RANK[remote.status] ?? 0) - (RANK[current.status] ?? 0);
  if (rank < 0 || (rank === 0 && remote.amountPaidAmount < current.amountPaidAmount)) return null;
  const dueDate = remote.dueDate ?? current.dueDate;
  const paidAt = remote.fullyPaidOn ? new Date(`${remote.fullyPaidOn}T00:00:00Z`) : null;
  const unchanged =
    current.status === remote.status &&
    current.amountPaidAmount === remote.amountPaidAmount &&
    current.totalAmount === remote.totalAmount &&
    current.dueDate === dueDate;
  if (unchanged) return null;
  const now = ctx.clock.now();
  const becamePaid = remote.status === "PAID" && current.status !== "PAID";
  const [row] = await tx
    .update(invoices)
    .set({
      status: remote.status,
      amountPaidAmount: remote.amountPaidAmount,
      subtotalAmount: remote.subtotalAmount,
      taxAmount: remote.taxAmount,
      totalAmount: remote.totalAmount,
      dueDate,
      // The day Xero says it was paid, not the day Settle heard of it.
      paidAt: remote.status === "PAID" ? (paidAt ?? current.paidAt ?? now) : current.paidAt,
      sentAt: UNSENT.has(remote.status) ? current.sentAt : (current.sentAt ?? now),
      updatedAt: now,
    })
    .where(where)
    .returning();
  if (!row) return null;
  const issued = (status: string) => status === "AUTHORISED" || status === "PAID";
  if (issued(row.status) && !issued(current.status)) {
    await promoteSentInvoiceLines(tx, ctx, row, "xero_sync");
    await recordInvoiceSent(tx, row, "xero_sync", now);
  }
  if (row.status === "PAID") {
    await promoteSettledLines(tx, ctx, row, "xero_sync");
    await recordInvoicePaid(tx, row, "xero_sync", row.paidAt ?? now);
  }
  await enqueueInvoiceChanged(tx, ctx.actor.workspaceId, {
    invoiceId: row.id,
    opportunityId: row.opportunityId,
    event: becamePaid ? "paid" : row.status === "VOIDED" && current.status !== "VOIDED" ? "voided" : "updated",
  });
  return row;
}

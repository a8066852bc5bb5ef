import { and, eq, inArray } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { RecordRef } from "../crm/fields.ts";
import { changeXeroInvoice } from "./change-xero-invoice.ts";
import { invoiceAsWritten } from "./get-invoice.ts";
import { getInvoiceOrThrow } from "./internal.ts";
import { recordInvoiceSent } from "./invoice-business-events.ts";
import { enqueueInvoiceChanged } from "./invoice-events.ts";
import { promoteSentInvoiceLines } from "./promote-invoice-lines.ts";

/**
 * DRAFT or SUBMITTED → AUTHORISED ("Awaiting payment"), marking it sent and moving its lines up the ladder.
 * The conditional update lets exactly one of two concurrent approvals win; the other gets a conflict. A Xero
 * invoice is approved in Xero first.
 */
export async function approveInvoice(ctx: Ctx, input: RecordRef) {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  const invoice = await getInvoiceOrThrow(ctx.db, ctx.actor.workspaceId, id);
  if (invoice.provider === "xero") {
    await changeXeroInvoice(ctx, invoice, "approve", { status: "AUTHORISED" });
    return invoiceAsWritten(ctx, id);
  }
  await withTransaction(ctx, async (tx) => {
    const current = await getInvoiceOrThrow(tx, ctx.actor.workspaceId, id);
    const now = ctx.clock.now();
    const [approved] = await tx
      .update(invoices)
      .set({ status: "AUTHORISED", sentAt: current.sentAt ?? now, updatedAt: now })
      .where(and(eq(invoices.id, id), inArray(invoices.status, ["DRAFT", "SUBMITTED"])))
      .returning();
    if (!approved) {
      throw new AppError(
        "conflict",
        `Invoice ${current.number} is ${current.status}; only a DRAFT or SUBMITTED invoice can be approved.`,
      );
    }
    await promoteSentInvoiceLines(tx, ctx, approved, "invoice_sent");
    await recordInvoiceSent(tx, approved, "invoice_sent", now);
    await enqueueInvoiceChanged(tx, ctx.actor.workspaceId, {
      invoiceId: id,
      opportunityId: approved.opportunityId,
      event: "sent",
    });
  });
  return invoiceAsWritten(ctx, id);
}

import { and, eq, notInArray } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { invoices } from "../../db/schema/invoices.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { RecordRef } from "../crm/fields.ts";
import { changeXeroInvoice } from "./change-xero-invoice.ts";
import { invoiceAsWritten } from "./get-invoice.ts";
import { getInvoiceOrThrow } from "./internal.ts";
import { enqueueInvoiceChanged } from "./invoice-events.ts";

/**
 * Voids an unpaid invoice. Its lines keep their status (the ladder only moves forward automatically); the
 * UI then offers the manual correction. An invoice with payments recorded cannot be voided, as in Xero. A
 * Xero invoice is voided in Xero first.
 */
export async function voidInvoice(ctx: Ctx, input: RecordRef) {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  const current = await getInvoiceOrThrow(ctx.db, ctx.actor.workspaceId, id);
  if (current.provider === "xero") {
    await changeXeroInvoice(ctx, current, "void", { status: "VOIDED" });
    return invoiceAsWritten(ctx, id);
  }
  await withTransaction(ctx, async (tx) => {
    const invoice = await getInvoiceOrThrow(tx, ctx.actor.workspaceId, id);
    if (invoice.amountPaidAmount > 0 && invoice.status !== "PAID") {
      throw new AppError("conflict", `Invoice ${invoice.number} has payments recorded and cannot be voided.`);
    }
    const [voided] = await tx
      .update(invoices)
      .set({ status: "VOIDED", updatedAt: ctx.clock.now() })
      .where(and(eq(invoices.id, id), notInArray(invoices.status, ["PAID", "VOIDED", "DELETED"])))
      .returning();
    if (!voided) {
      throw new AppError("conflict", `Invoice ${invoice.number} is ${invoice.status} and read-only.`);
    }
    await enqueueInvoiceChanged(tx, ctx.actor.workspaceId, {
      invoiceId: id,
      opportunityId: invoice.opportunityId,
      event: "voided",
    });
  });
  return invoiceAsWritten(ctx, id);
}

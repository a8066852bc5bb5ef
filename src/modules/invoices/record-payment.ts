import { and, eq, inArray, sql } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { invoicePayments, invoices } from "../../db/schema/invoices.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { formatMoney } from "../../lib/money.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { invoiceAsWritten } from "./get-invoice.ts";
import { getInvoiceOrThrow } from "./internal.ts";
import { enqueueInvoiceChanged } from "./invoice-events.ts";
import { promoteSettledLines } from "./promote-invoice-lines.ts";
import { RecordPaymentCommand } from "./schemas.ts";

/**
 * Marks a native invoice (partly) paid by hand: cash, bank transfer, cheque. The amount may not exceed what is
 * due; at zero due the invoice is PAID and the lines it fully settles move to `paid`.
 */
export async function recordPayment(ctx: Ctx, input: RecordPaymentCommand) {
  const parsed = parseInput(RecordPaymentCommand, input);
  const invoiceId = parsed.invoice_id;
  requireScope(ctx.actor.scopes, "invoices:write");
  await withTransaction(ctx, async (tx) => {
    const invoice = await getInvoiceOrThrow(tx, ctx.actor.workspaceId, invoiceId);
    if (invoice.status !== "AUTHORISED" && invoice.status !== "SUBMITTED") {
      throw new AppError(
        "conflict",
        `Invoice ${invoice.number} is ${invoice.status}; payments are recorded on sent (awaiting payment) invoices.`,
        {
          ...(invoice.status === "DRAFT" ? { fix: "Approve and send the invoice first." } : {}),
        },
      );
    }
    const now = ctx.clock.now();
    // The guard in WHERE closes the race of two payments that would together exceed the amount due.
    const [updated] = await tx
      .update(invoices)
      .set({
        amountPaidAmount: sql`${invoices.amountPaidAmount} + ${parsed.amount}`,
        status: sql`case when ${invoices.amountPaidAmount} + ${parsed.amount} = ${invoices.totalAmount} then 'PAID' else ${invoices.status} end`,
        paidAt: sql`case when ${invoices.amountPaidAmount} + ${parsed.amount} = ${invoices.totalAmount} then ${now.toISOString()}::timestamptz else null end`,
        updatedAt: now,
      })
      .where(
        and(
          eq(invoices.id, invoiceId),
          inArray(invoices.status, ["AUTHORISED", "SUBMITTED"]),
          sql`${invoices.amountPaidAmount} + ${parsed.amount} <= ${invoices.totalAmount}`,
        ),
      )
      .returning();
    if (!updated) {
      const due = invoice.totalAmount - invoice.amountPaidAmount;
      throw new AppError(
        "invalid_input",
        `The payment is more than the ${formatMoney(due, invoice.currency)} due on ${invoice.number}.`,
        {
          issues: [{ field: "amount", message: `must be at most the amount due, ${due}` }],
        },
      );
    }
    await tx.insert(invoicePayments).values({
      id: newId("payment", now),
      workspaceId: ctx.actor.workspaceId,
      invoiceId,
      amount: parsed.amount,
      paidOn: parsed.paid_on,
      method: parsed.method,
      reference: parsed.reference ?? null,
      actorId: ctx.actor.kind === "member" ? ctx.actor.userId : ctx.actor.kind === "api_key" ? ctx.actor.keyId : null,
    });
    if (updated.status === "PAID") {
      await promoteSettledLines(tx, ctx, updated, "manual");
      await enqueueInvoiceChanged(tx, ctx.actor.workspaceId, {
        invoiceId,
        opportunityId: updated.opportunityId,
        event: "paid",
      });
    } else {
      await enqueueInvoiceChanged(tx, ctx.actor.workspaceId, {
        invoiceId,
        opportunityId: updated.opportunityId,
        event: "updated",
      });
    }
  });
  return invoiceAsWritten(ctx, invoiceId);
}

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
import { recordInvoicePaid } from "./invoice-business-events.ts";
import { enqueueInvoiceChanged } from "./invoice-events.ts";
import { payXeroInvoice } from "./pay-xero-invoice.ts";
import { promoteSettledLines } from "./promote-invoice-lines.ts";
import { RecordPaymentCommand } from "./schemas.ts";

/**
 * Marks a native invoice (partly) paid by hand: cash, bank transfer, cheque. The amount may not exceed what is
 * due; at zero due the invoice is PAID and the lines it fully settles move to `paid`. A Xero invoice's payment
 * is recorded in Xero (payXeroInvoice).
 */
export async function recordPayment(ctx: Ctx, input: RecordPaymentCommand) {
  const parsed = parseInput(RecordPaymentCommand, input);
  const invoiceId = parsed.invoice_id;
  requireScope(ctx.actor.scopes, "invoices:write");
  const current = await getInvoiceOrThrow(ctx.db, ctx.actor.workspaceId, invoiceId);
  if (current.provider === "xero") {
    if (!parsed.bank_account_id) throw missing("bank_account_id", "the Xero bank account the payment went into");
    await payXeroInvoice(ctx, current, {
      paidOn: parsed.paid_on,
      bankAccountId: parsed.bank_account_id,
      amount: parsed.amount,
    });
    return invoiceAsWritten(ctx, invoiceId);
  }
  const { amount, method } = parsed;
  if (amount === undefined) throw missing("amount", "the amount received, in minor units");
  if (method === undefined) throw missing("method", "how it was paid");
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
        amountPaidAmount: sql`${invoices.amountPaidAmount} + ${amount}`,
        status: sql`case when ${invoices.amountPaidAmount} + ${amount} = ${invoices.totalAmount} then 'PAID' else ${invoices.status} end`,
        paidAt: sql`case when ${invoices.amountPaidAmount} + ${amount} = ${invoices.totalAmount} then ${now.toISOString()}::timestamptz else null end`,
        updatedAt: now,
      })
      .where(
        and(
          eq(invoices.id, invoiceId),
          inArray(invoices.status, ["AUTHORISED", "SUBMITTED"]),
          sql`${invoices.amountPaidAmount} + ${amount} <= ${invoices.totalAmount}`,
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
      amount,
      paidOn: parsed.paid_on,
      method,
      reference: parsed.reference ?? null,
      actorId: ctx.actor.kind === "member" ? ctx.actor.userId : ctx.actor.kind === "api_key" ? ctx.actor.keyId : null,
    });
    if (updated.status === "PAID") {
      await promoteSettledLines(tx, ctx, updated, "manual");
      await recordInvoicePaid(tx, updated, "manual", now, { method });
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

function missing(field: string, what: string): AppError {
  return new AppError("invalid_input", `${field} is required: ${what}.`, { issues: [{ field, message: "required" }] });
}

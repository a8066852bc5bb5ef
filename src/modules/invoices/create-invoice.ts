import { and, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { opportunities } from "../../db/schema/index.ts";
import { invoiceLines, invoices } from "../../db/schema/invoices.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { findXeroConnection } from "../integrations/index.ts";
import { assertBillable } from "./assert-billable.ts";
import { type InvoiceView, invoiceAsWritten } from "./get-invoice.ts";
import { enqueueInvoiceChanged } from "./invoice-events.ts";
import { nextInvoiceNumber } from "./next-invoice-number.ts";
import { computeInvoicePreview } from "./preview-invoice.ts";
import { CreateInvoiceCommand } from "./schemas.ts";

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Raises a native DRAFT invoice from the portion's lines (or the ticked ones) plus free-form lines. Lines that
 * would be billed twice need `confirm_double_billing`. Nothing moves on the ladder until the invoice is sent.
 */
export async function createInvoice(ctx: Ctx, input: CreateInvoiceCommand): Promise<InvoiceView> {
  const parsed = parseInput(CreateInvoiceCommand, input);
  const opportunityId = parsed.opportunity_id;
  requireScope(ctx.actor.scopes, "invoices:write");
  if (await findXeroConnection(ctx.db, ctx.actor.workspaceId)) {
    // With Xero connected, Xero is the ledger: a native invoice beside it would be billed twice.
    throw new AppError("conflict", "Invoices are raised in Xero while Xero is connected.", {
      fix: "Use Actions → Send Invoice to raise it in Xero, or Disconnect Xero to invoice natively.",
    });
  }
  const id = await withTransaction(ctx, async (tx) => {
    // Creations on one opportunity queue here, so each sees the drafts committed before it: two concurrent
    // deposits of one line cannot both pass the double-billing check. NO KEY UPDATE leaves line inserts free.
    await tx
      .select({ id: opportunities.id })
      .from(opportunities)
      .where(and(eq(opportunities.workspaceId, ctx.actor.workspaceId), eq(opportunities.id, opportunityId)))
      .for("no key update");
    const preview = await computeInvoicePreview(tx, ctx.actor.workspaceId, opportunityId, parsed);
    assertBillable(preview, parsed.confirm_double_billing);
    const now = ctx.clock.now();
    const invoiceId = newId("invoice", now);
    await tx.insert(invoices).values({
      id: invoiceId,
      workspaceId: ctx.actor.workspaceId,
      opportunityId,
      provider: "native",
      portion: preview.portion,
      billedPortion: preview.portion,
      number: await nextInvoiceNumber(tx, ctx.actor.workspaceId),
      status: "DRAFT",
      currency: preview.currency,
      taxMode: preview.taxMode,
      issueDate: parsed.issue_date ?? today(now),
      dueDate: parsed.due_date ?? null,
      reference: parsed.reference ?? null,
      notes: parsed.notes ?? null,
      subtotalAmount: preview.subtotalAmount,
      taxAmount: preview.taxAmount,
      totalAmount: preview.totalAmount,
    });
    await tx.insert(invoiceLines).values(
      preview.lines.map((line, index) => ({
        id: newId("invoiceLine", now),
        workspaceId: ctx.actor.workspaceId,
        invoiceId,
        productLineId: line.productLineId,
        description: line.description,
        quantity: line.quantity,
        unitAmount: line.unitAmount,
        taxRate: line.taxRate,
        amount: line.amount,
        taxAmount: line.taxAmount,
        sortOrder: index,
      })),
    );
    await enqueueInvoiceChanged(tx, ctx.actor.workspaceId, { invoiceId, opportunityId, event: "created" });
    return invoiceId;
  });
  return invoiceAsWritten(ctx, id);
}

import { and, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { opportunities } from "../../db/schema/index.ts";
import { invoiceLines, invoices } from "../../db/schema/invoices.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getInvoiceOrThrow, type InvoiceWithLines, loadInvoiceLines } from "./internal.ts";
import { enqueueInvoiceChanged } from "./invoice-events.ts";
import { nextInvoiceNumber } from "./next-invoice-number.ts";
import { computeInvoicePreview } from "./preview-invoice.ts";
import { CreateInvoiceInput, type CreateInvoiceInput as Input } from "./schemas.ts";

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Raises a native DRAFT invoice from the portion's lines (or the ticked ones) plus free-form lines. Lines that
 * would be billed twice need `confirm_double_billing`. Nothing moves on the ladder until the invoice is sent.
 */
export async function createInvoice(ctx: Ctx, opportunityId: string, input: Input): Promise<InvoiceWithLines> {
  const parsed = parseInput(CreateInvoiceInput, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  const id = await withTransaction(ctx, async (tx) => {
    // Creations on one opportunity queue here, so each sees the drafts committed before it: two concurrent
    // deposits of one line cannot both pass the double-billing check. NO KEY UPDATE leaves line inserts free.
    await tx
      .select({ id: opportunities.id })
      .from(opportunities)
      .where(and(eq(opportunities.workspaceId, ctx.actor.workspaceId), eq(opportunities.id, opportunityId)))
      .for("no key update");
    const preview = await computeInvoicePreview(tx, ctx.actor.workspaceId, opportunityId, parsed);
    if (preview.lines.length === 0) {
      throw new AppError("invalid_input", "Nothing to invoice: no line is selected for this portion.", {
        issues: [{ field: "line_ids", message: "select at least one product line or add a free line" }],
        fix: "Tick lines in the invoice dialog, choose another portion, or add a free-form line.",
      });
    }
    if (preview.totalAmount === 0) {
      // A zero invoice could never be paid (payments are positive) and would sit AUTHORISED for ever.
      throw new AppError("invalid_input", "This invoice would total zero; there is nothing to bill.", {
        issues: [{ field: "line_ids", message: "the selected lines bill nothing for this portion" }],
        fix: "Choose another portion, or tick lines that still have an amount to bill.",
      });
    }
    const doubled = preview.lines.filter((l) => l.warning === "double_billing");
    if (doubled.length > 0 && !parsed.confirm_double_billing) {
      throw new AppError("precondition_failed", `${doubled.map((l) => l.description).join(", ")} was already billed.`, {
        issues: [{ field: "confirm_double_billing", message: "must be true to bill these lines again" }],
        fix: "Untick those lines, or confirm double billing.",
      });
    }
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
  const invoice = await getInvoiceOrThrow(ctx.db, ctx.actor.workspaceId, id);
  return { ...invoice, lines: await loadInvoiceLines(ctx.db, id) };
}

import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { invoices } from "../../db/schema/invoices.ts";
import type { LedgerInvoiceChange } from "../../integrations/accounting/port.ts";
import { AppError } from "../../lib/errors.ts";
import type { Portion } from "../billing/index.ts";
import { changeXeroInvoice } from "./change-xero-invoice.ts";
import type { InvoiceRow } from "./internal.ts";
import { assertInvoiceAction } from "./xero-invoice-target.ts";

type Edit = {
  status?: "DRAFT" | "SUBMITTED" | "AUTHORISED" | "DELETED" | undefined;
  due_date?: string | null | undefined;
  reference?: string | null | undefined;
  portion?: Portion | undefined;
};

/**
 * PATCH on a Xero invoice: approving or deleting it, or editing its due date and reference, happens in Xero
 * first (the lifecycle decides which); the portion is Settle's own label and changes only here.
 */
export async function updateXeroInvoice(ctx: Ctx, invoice: InvoiceRow, edit: Edit): Promise<void> {
  const change: LedgerInvoiceChange = {};
  if (edit.due_date) change.dueDate = edit.due_date;
  if (edit.reference !== undefined) change.reference = edit.reference;
  const status = edit.status && edit.status !== invoice.status ? edit.status : undefined;
  if (status === "DRAFT" || status === "SUBMITTED") {
    throw new AppError("invalid_input", `A Xero invoice cannot be set to ${status} from Settle.`, {
      issues: [{ field: "status", message: "allowed for Xero invoices", allowed: ["AUTHORISED", "DELETED"] }],
      fix: "Approve or delete it here, or change its status in Xero.",
    });
  }
  if (status === "AUTHORISED" || status === "DELETED") {
    if (Object.keys(change).length > 0) await changeXeroInvoice(ctx, invoice, "edit", change);
    await changeXeroInvoice(ctx, invoice, status === "DELETED" ? "delete" : "approve", { status });
  } else if (Object.keys(change).length > 0) {
    await changeXeroInvoice(ctx, invoice, "edit", change);
  } else if (!edit.portion) {
    assertInvoiceAction(invoice, "edit");
  }
  if (edit.portion) {
    await ctx.db
      .update(invoices)
      .set({ portion: edit.portion, updatedAt: ctx.clock.now() })
      .where(and(eq(invoices.workspaceId, invoice.workspaceId), eq(invoices.id, invoice.id)));
  }
}

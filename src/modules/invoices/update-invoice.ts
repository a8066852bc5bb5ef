import { and, eq, notInArray } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { type InvoiceStatus, invoices } from "../../db/schema/invoices.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { approveInvoice } from "./approve-invoice.ts";
import { invoiceAsWritten } from "./get-invoice.ts";
import { assertEditable, getInvoiceOrThrow } from "./internal.ts";
import { enqueueInvoiceChanged } from "./invoice-events.ts";
import { UpdateInvoiceCommand } from "./schemas.ts";
import { updateXeroInvoice } from "./update-xero-invoice.ts";

// Xero's lifecycle for the statuses PATCH may set; AUTHORISED goes through approveInvoice.
const ALLOWED: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  DRAFT: ["DRAFT", "SUBMITTED", "DELETED"],
  SUBMITTED: ["DRAFT", "SUBMITTED", "DELETED"],
  AUTHORISED: ["AUTHORISED"],
  PAID: [],
  VOIDED: [],
  DELETED: [],
};

/**
 * Edits status, due date, reference and the local portion label. Locked invoices are read-only. A Xero
 * invoice's status, due date and reference are changed in Xero first.
 */
export async function updateInvoice(ctx: Ctx, input: UpdateInvoiceCommand) {
  const { id, ...parsed } = parseInput(UpdateInvoiceCommand, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  const current = await getInvoiceOrThrow(ctx.db, ctx.actor.workspaceId, id);
  if (current.provider === "xero") {
    await updateXeroInvoice(ctx, current, parsed);
    return invoiceAsWritten(ctx, id);
  }
  const wantsApproval = await withTransaction(ctx, async (tx) => {
    const invoice = await getInvoiceOrThrow(tx, ctx.actor.workspaceId, id);
    assertEditable(invoice);
    const approve = parsed.status === "AUTHORISED" && invoice.status !== "AUTHORISED";
    const status = approve ? invoice.status : (parsed.status ?? invoice.status);
    if (!ALLOWED[invoice.status].includes(status)) {
      throw new AppError("conflict", `Invoice ${invoice.number} cannot go from ${invoice.status} to ${status}.`, {
        issues: [
          {
            field: "status",
            message: `allowed from ${invoice.status}: ${ALLOWED[invoice.status].join(", ") || "none"}`,
          },
        ],
      });
    }
    const [updated] = await tx
      .update(invoices)
      .set({
        status,
        ...(parsed.due_date !== undefined ? { dueDate: parsed.due_date } : {}),
        ...(parsed.reference !== undefined ? { reference: parsed.reference } : {}),
        ...(parsed.portion ? { portion: parsed.portion } : {}),
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(invoices.id, id), notInArray(invoices.status, ["PAID", "VOIDED", "DELETED"])))
      .returning();
    if (!updated) {
      throw new AppError("conflict", `Invoice ${invoice.number} changed while saving; reload and try again.`);
    }
    await enqueueInvoiceChanged(tx, ctx.actor.workspaceId, {
      invoiceId: id,
      opportunityId: invoice.opportunityId,
      event: "updated",
    });
    return approve;
  });
  return wantsApproval ? approveInvoice(ctx, { id }) : invoiceAsWritten(ctx, id);
}

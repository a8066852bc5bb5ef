import { and, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { invoices } from "../../db/schema/invoices.ts";
import type { LedgerInvoiceChange } from "../../integrations/accounting/port.ts";
import type { InvoiceAction } from "../billing/index.ts";
import { applyXeroInvoiceState } from "./apply-xero-invoice-state.ts";
import type { InvoiceRow } from "./internal.ts";
import { xeroReference } from "./xero-invoice-input.ts";
import { xeroInvoiceTarget } from "./xero-invoice-target.ts";

/**
 * Approves, voids, deletes or edits a Xero invoice in Xero first; only what Xero accepted is saved here, from
 * Xero's answer. Xero's refusal surfaces with its own message and changes nothing.
 */
export async function changeXeroInvoice(
  ctx: Ctx,
  invoice: InvoiceRow,
  action: InvoiceAction,
  change: LedgerInvoiceChange,
): Promise<void> {
  const { session, externalId } = await xeroInvoiceTarget(ctx, invoice, action);
  const wire: LedgerInvoiceChange = { ...change };
  // Xero's Reference keeps Settle's id after the member's words, so the invoice stays findable.
  if (change.reference !== undefined) wire.reference = xeroReference(change.reference, invoice.id);
  const answer = await session.ledger.updateInvoice(externalId, wire);
  await withTransaction(ctx, async (tx) => {
    if (change.reference !== undefined) {
      await tx
        .update(invoices)
        .set({ reference: change.reference, updatedAt: ctx.clock.now() })
        .where(and(eq(invoices.workspaceId, invoice.workspaceId), eq(invoices.id, invoice.id)));
    }
    await applyXeroInvoiceState(tx, ctx, answer);
  });
}

import type { Ctx } from "../../context.ts";
import { AppError } from "../../lib/errors.ts";
import { allowedInvoiceActions, type InvoiceAction, isInvoiceActionAllowed } from "../billing/index.ts";
import { type XeroSession, xeroLedger } from "../integrations/index.ts";
import type { InvoiceRow } from "./internal.ts";

/**
 * The checks every action on a Xero invoice shares before Xero is called: the lifecycle allows the action
 * now, the invoice exists in Xero, and it lives in the organisation connected today.
 */
export async function xeroInvoiceTarget(
  ctx: Ctx,
  invoice: InvoiceRow,
  action: InvoiceAction,
): Promise<{ session: XeroSession; externalId: string }> {
  assertInvoiceAction(invoice, action);
  if (!invoice.externalId) {
    throw new AppError("conflict", `Invoice ${invoice.id} is still being created in Xero.`, {
      fix: "Sync the opportunity's invoices in a moment.",
    });
  }
  const session = await xeroLedger(ctx, { recordId: invoice.id });
  if (invoice.xeroTenantId && invoice.xeroTenantId !== session.tenantId) {
    throw new AppError("precondition_failed", `Invoice ${invoice.number} lives in another Xero organisation.`, {
      fix: "Change it in that organisation in Xero, or connect it again under Settings → Integrations.",
    });
  }
  return { session, externalId: invoice.externalId };
}

/** Refuses an action the lifecycle does not allow in the invoice's current status, naming those it does. */
export function assertInvoiceAction(invoice: InvoiceRow, action: InvoiceAction): void {
  if (isInvoiceActionAllowed(invoice, action)) return;
  const allowed = allowedInvoiceActions(invoice);
  throw new AppError(
    "conflict",
    `Invoice ${invoice.number} is ${invoice.status}: ${action.replace("_", " ")} is not possible.`,
    {
      details: { allowed_actions: allowed },
      ...(invoice.status === "DRAFT" && action === "record_payment" ? { fix: "Approve the invoice first." } : {}),
    },
  );
}

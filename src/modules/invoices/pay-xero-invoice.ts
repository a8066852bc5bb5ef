import { type Ctx, withTransaction } from "../../context.ts";
import { AppError } from "../../lib/errors.ts";
import type { XeroSession } from "../integrations/index.ts";
import { applyXeroInvoiceState } from "./apply-xero-invoice-state.ts";
import type { InvoiceRow } from "./internal.ts";
import { requestXeroSync } from "./request-xero-sync.ts";
import { xeroInvoiceTarget } from "./xero-invoice-target.ts";

/**
 * Mark as Paid on a Xero invoice: the payment is recorded in Xero into the chosen bank account (the amount
 * due unless a part is named); then the invoice is read back and applied at once, and a sync of its
 * opportunity queued, so the pills catch up in seconds. Xero's refusal (wrong account, over the amount due)
 * surfaces with Xero's message.
 */
export async function payXeroInvoice(
  ctx: Ctx,
  invoice: InvoiceRow,
  input: { paidOn: string; bankAccountId: string; amount: number | undefined },
): Promise<void> {
  const { session, externalId } = await xeroInvoiceTarget(ctx, invoice, "record_payment");
  // The amount due is Xero's (payments may have been made there since the last sync); read only when needed.
  const amount = input.amount ?? (await amountDueInXero(session.ledger, externalId, invoice));
  if (amount <= 0) {
    throw new AppError("conflict", `Invoice ${invoice.number} has nothing left to pay.`);
  }
  // Keyed by invoice, account, amount and day: a retried click records one payment, a second part-payment
  // (or the same one into the right account after Xero refused the wrong one) another.
  await session.ledger.createPayment(
    { invoiceId: externalId, accountId: input.bankAccountId, date: input.paidOn, amount, currency: invoice.currency },
    `settle-pay-${invoice.id}-${input.bankAccountId}-${amount}-${input.paidOn}`,
  );
  const [after] = await session.ledger.getInvoices([externalId]);
  if (after) {
    await withTransaction(ctx, (tx) => applyXeroInvoiceState(tx, ctx, after));
  }
  await requestXeroSync(ctx, { opportunity_id: invoice.opportunityId }).catch(() => undefined);
}

async function amountDueInXero(ledger: XeroSession["ledger"], externalId: string, invoice: InvoiceRow) {
  const [current] = await ledger.getInvoices([externalId]);
  return current?.amountDueAmount ?? invoice.totalAmount - invoice.amountPaidAmount;
}

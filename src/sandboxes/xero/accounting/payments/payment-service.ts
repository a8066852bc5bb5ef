import type { SandboxContext } from "../../context.ts";
import { parseRequestDay, todayOf } from "../../core/dates.ts";
import { newId } from "../../core/ids.ts";
import { round2 } from "../../core/money.ts";
import { bool, num, obj, str, type WireObject } from "../../core/wire-input.ts";
import type { InvoiceRecord, OrganisationRecord, PaymentRecord } from "../../state/types.ts";

export type PaymentResult = { ok: true; payment: PaymentRecord } | { ok: false; errors: string[] };

/** Records a payment against an AUTHORISED invoice; the invoice becomes PAID at zero due. */
export function createPayment(ctx: SandboxContext, org: OrganisationRecord, input: WireObject): PaymentResult {
  const invoiceInput = obj(input, "Invoice");
  const invoiceId = invoiceInput ? str(invoiceInput, "InvoiceID")?.toLowerCase() : undefined;
  const invoiceNumber = invoiceInput ? str(invoiceInput, "InvoiceNumber") : undefined;
  const invoice = invoiceId
    ? org.invoices[invoiceId]
    : Object.values(org.invoices).find((i) => invoiceNumber !== undefined && i.invoiceNumber === invoiceNumber);
  if (!invoice)
    return {
      ok: false,
      errors: [
        invoiceInput
          ? "Invoice could not be found"
          : "You must specify an Invoice, CreditNote, Prepayment or Overpayment to apply the payment to.",
      ],
    };
  const errors: string[] = [];
  const accountInput = obj(input, "Account");
  const accountId = accountInput ? str(accountInput, "AccountID")?.toLowerCase() : undefined;
  const accountCode = accountInput ? str(accountInput, "Code") : undefined;
  const account = org.accounts.find((a) =>
    accountId !== undefined ? a.accountId === accountId : accountCode !== undefined && a.code === accountCode,
  );
  if (accountId === undefined && accountCode === undefined)
    errors.push("You must specify an Account code or Account ID for the payment");
  else if (account?.status !== "ACTIVE") errors.push("Account could not be found");
  else if (account.type !== "BANK" && !account.enablePaymentsToAccount)
    errors.push("Account type is invalid for making a payment to/from");
  // Xero lists both refusals for a PAID or VOIDED invoice (nothing is outstanding on it), only the first for a draft.
  if (invoice.status !== "AUTHORISED") errors.push("Payments can only be made against Authorised documents");
  const amount = round2(num(input, "Amount") ?? 0);
  if (amount <= 0) errors.push("Payment amount must be greater than zero");
  else if (amount > invoice.amountDue) errors.push("Payment amount exceeds the amount outstanding on this document");
  const date = input.Date === undefined ? todayOf(ctx.clock.nowMs()) : parseRequestDay(input.Date);
  if (!date) errors.push("Date must be a valid date.");
  if (errors.length > 0 || !account || !date) return { ok: false, errors };
  const payment: PaymentRecord = {
    paymentId: newId(),
    invoiceId: invoice.invoiceId,
    accountId: account.accountId,
    date,
    amount,
    reference: str(input, "Reference"),
    status: "AUTHORISED",
    isReconciled: bool(input, "IsReconciled") ?? false,
    updatedMs: ctx.clock.nowMs(),
  };
  org.payments[payment.paymentId] = payment;
  applyToInvoice(ctx, org, invoice, amount, date);
  return { ok: true, payment };
}

/** Deleting a payment returns the money to the invoice, which goes back to AUTHORISED. */
export function deletePayment(ctx: SandboxContext, org: OrganisationRecord, payment: PaymentRecord): PaymentResult {
  if (payment.status === "DELETED") return { ok: false, errors: ["Payment has already been deleted"] };
  if (payment.isReconciled) return { ok: false, errors: ["Reconciled payments cannot be deleted"] };
  payment.status = "DELETED";
  payment.updatedMs = ctx.clock.nowMs();
  const invoice = org.invoices[payment.invoiceId];
  if (invoice) applyToInvoice(ctx, org, invoice, -payment.amount, undefined);
  return { ok: true, payment };
}

function applyToInvoice(
  ctx: SandboxContext,
  org: OrganisationRecord,
  invoice: InvoiceRecord,
  amount: number,
  date: string | undefined,
): void {
  invoice.amountPaid = round2(invoice.amountPaid + amount);
  invoice.amountDue = round2(invoice.total - invoice.amountPaid);
  if (invoice.amountDue === 0 && invoice.status === "AUTHORISED") {
    invoice.status = "PAID";
    invoice.fullyPaidOnDate = date;
  } else if (invoice.amountDue > 0 && invoice.status === "PAID") {
    invoice.status = "AUTHORISED";
    invoice.fullyPaidOnDate = undefined;
  }
  invoice.updatedMs = ctx.clock.nowMs();
  ctx.events.emit({
    tenantId: org.organisationId,
    category: "INVOICE",
    type: "UPDATE",
    resourceId: invoice.invoiceId,
    atMs: invoice.updatedMs,
  });
  ctx.store.changed();
}

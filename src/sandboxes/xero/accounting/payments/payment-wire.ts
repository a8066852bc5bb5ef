import { msDate, msInstant } from "../../core/dates.ts";
import type { OrganisationRecord, PaymentRecord } from "../../state/types.ts";
import { contactSummaryToWire } from "../contacts/contact-wire.ts";

export function paymentToWire(org: OrganisationRecord, payment: PaymentRecord): Record<string, unknown> {
  const invoice = org.invoices[payment.invoiceId];
  const account = org.accounts.find((a) => a.accountId === payment.accountId);
  return {
    PaymentID: payment.paymentId,
    Date: msDate(payment.date),
    BankAmount: payment.amount,
    Amount: payment.amount,
    Reference: payment.reference,
    CurrencyRate: 1,
    PaymentType: invoice?.type === "ACCPAY" ? "ACCPAYPAYMENT" : "ACCRECPAYMENT",
    Status: payment.status,
    UpdatedDateUTC: msInstant(payment.updatedMs),
    HasAccount: true,
    IsReconciled: payment.isReconciled,
    Account: account ? { AccountID: account.accountId, Code: account.code, Name: account.name } : undefined,
    Invoice: invoice
      ? {
          Type: invoice.type,
          InvoiceID: invoice.invoiceId,
          InvoiceNumber: invoice.invoiceNumber,
          Contact: contactSummaryToWire(org.contacts[invoice.contactId]),
          CurrencyCode: invoice.currencyCode,
        }
      : undefined,
    HasValidationErrors: false,
  };
}

import { dayString, isoSeconds, msDate, msInstant } from "../../core/dates.ts";
import { round2 } from "../../core/money.ts";
import { paymentsOf } from "../../state/indexes.ts";
import type { InvoiceRecord, LineItemRecord, OrganisationRecord } from "../../state/types.ts";
import { contactSummaryToWire } from "../contacts/contact-wire.ts";

export interface InvoiceWireOptions {
  /** Multi-invoice GETs without paging return summaries: no line items. */
  includeLines: boolean;
  unitdp: number;
}

export function invoiceToWire(
  org: OrganisationRecord,
  invoice: InvoiceRecord,
  options: InvoiceWireOptions,
): Record<string, unknown> {
  const payments = paymentsOf(org, invoice.invoiceId)
    .filter((p) => p.status === "AUTHORISED")
    .map((p) => ({
      PaymentID: p.paymentId,
      Date: msDate(p.date),
      Amount: p.amount,
      Reference: p.reference,
      CurrencyRate: 1,
      HasAccount: false,
      HasValidationErrors: false,
    }));
  return {
    Type: invoice.type,
    InvoiceID: invoice.invoiceId,
    InvoiceNumber: invoice.invoiceNumber,
    Reference: invoice.reference ?? "",
    Payments: payments,
    CreditNotes: [],
    Prepayments: [],
    Overpayments: [],
    AmountDue: invoice.amountDue,
    AmountPaid: invoice.amountPaid,
    AmountCredited: 0,
    CurrencyRate: 1,
    IsDiscounted: invoice.totalDiscount > 0,
    HasAttachments: false,
    HasErrors: false,
    Contact: contactSummaryToWire(org.contacts[invoice.contactId]),
    DateString: dayString(invoice.date),
    Date: msDate(invoice.date),
    DueDateString: invoice.dueDate ? dayString(invoice.dueDate) : undefined,
    DueDate: invoice.dueDate ? msDate(invoice.dueDate) : undefined,
    ExpectedPaymentDate: invoice.expectedPaymentDate ? msDate(invoice.expectedPaymentDate) : undefined,
    BrandingThemeID: invoice.brandingThemeId,
    Url: invoice.url,
    RepeatingInvoiceID: invoice.repeatingInvoiceId,
    Status: invoice.status,
    LineAmountTypes: invoice.lineAmountTypes,
    LineItems: options.includeLines ? invoice.lineItems.map((l) => lineToWire(l, options.unitdp)) : undefined,
    SubTotal: invoice.subTotal,
    TotalTax: invoice.totalTax,
    Total: invoice.total,
    TotalDiscount: invoice.totalDiscount > 0 ? invoice.totalDiscount : undefined,
    UpdatedDateUTC: msInstant(invoice.updatedMs),
    UpdatedDateUTCString: `${isoSeconds(invoice.updatedMs)}Z`,
    CurrencyCode: invoice.currencyCode,
    FullyPaidOnDate: invoice.fullyPaidOnDate ? msDate(invoice.fullyPaidOnDate) : undefined,
    SentToContact: invoice.sentToContact,
  };
}

/** Without unitdp=4, Xero reports UnitAmount at 2 dp. */
export function lineToWire(line: LineItemRecord, unitdp: number): Record<string, unknown> {
  return {
    LineItemID: line.lineItemId,
    Description: line.description,
    Quantity: line.quantity,
    UnitAmount: unitdp === 4 ? line.unitAmount : round2(line.unitAmount),
    ItemCode: line.itemCode,
    AccountCode: line.accountCode,
    TaxType: line.taxType,
    TaxAmount: line.taxAmount,
    LineAmount: line.lineAmount,
    DiscountRate: line.discountRate,
    DiscountAmount: line.discountAmount,
    Tracking: [],
  };
}

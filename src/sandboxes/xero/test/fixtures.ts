import type { Invoice, LineAmountTypes } from "xero-node";

/** xero-node declares enums as numbers but sends their string values at runtime. */
export const ACCREC = "ACCREC" as unknown as Invoice.TypeEnum;
export const status = (
  value: "DRAFT" | "SUBMITTED" | "AUTHORISED" | "PAID" | "VOIDED" | "DELETED",
): Invoice.StatusEnum => value as unknown as Invoice.StatusEnum;
export const amountTypes = (value: "Exclusive" | "Inclusive" | "NoTax"): LineAmountTypes =>
  value as unknown as LineAmountTypes;

export function salesInvoice(contactID: string, overrides: Partial<Invoice> = {}): Invoice {
  return {
    type: ACCREC,
    contact: { contactID },
    date: "2025-03-01",
    dueDate: "2025-03-31",
    status: status("AUTHORISED"),
    lineItems: [{ description: "Consulting", quantity: 2, unitAmount: 150, accountCode: "200" }],
    ...overrides,
  };
}

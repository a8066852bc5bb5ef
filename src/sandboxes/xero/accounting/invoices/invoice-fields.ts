import { parseRequestDay } from "../../core/dates.ts";
import { bool, has, list, str, type WireObject } from "../../core/wire-input.ts";
import { invoiceNumberTaken } from "../../state/indexes.ts";
import type { InvoiceRecord, LineAmountTypes, OrganisationRecord } from "../../state/types.ts";
import { buildLines, totalsOf } from "./invoice-lines.ts";

const AMOUNT_TYPES: Record<string, LineAmountTypes> = {
  exclusive: "Exclusive",
  inclusive: "Inclusive",
  notax: "NoTax",
};

/** Applies the header and line fields both create and update accept; returns validation messages. */
export function applyInvoiceFields(
  org: OrganisationRecord,
  draft: InvoiceRecord,
  input: WireObject,
  unitdp: number,
): string[] {
  const errors: string[] = [];
  for (const [key, field] of [
    ["Date", "date"],
    ["DueDate", "dueDate"],
    ["ExpectedPaymentDate", "expectedPaymentDate"],
  ] as const) {
    if (!has(input, key)) continue;
    const day = parseRequestDay(input[key]);
    if (day) draft[field] = day;
    else errors.push(`${key} must be a valid date.`);
  }
  const amountTypes = str(input, "LineAmountTypes");
  if (amountTypes !== undefined) {
    const parsed = AMOUNT_TYPES[amountTypes.toLowerCase()];
    if (parsed) draft.lineAmountTypes = parsed;
    else errors.push("LineAmountTypes must be one of Exclusive, Inclusive or NoTax.");
  }
  const number = str(input, "InvoiceNumber");
  if (number !== undefined && number !== draft.invoiceNumber) {
    if (number.length > 255) errors.push("The Invoice Number must be 255 characters or less.");
    if (draft.type === "ACCREC" && invoiceNumberTaken(org, number, draft.invoiceId))
      errors.push("Invoice # must be unique.");
    draft.invoiceNumber = number;
  }
  for (const [key, field] of [
    ["Reference", "reference"],
    ["Url", "url"],
  ] as const) {
    const value = str(input, key);
    if (value !== undefined) draft[field] = value || undefined;
  }
  const theme = str(input, "BrandingThemeID");
  if (theme !== undefined) {
    if (!org.brandingThemes.some((t) => t.brandingThemeId === theme.toLowerCase()))
      errors.push("Branding theme must be valid.");
    else draft.brandingThemeId = theme.toLowerCase();
  }
  const currency = str(input, "CurrencyCode");
  if (currency !== undefined && currency !== org.baseCurrency)
    errors.push(`The currency ${currency} is not enabled for this organisation.`);
  const sent = bool(input, "SentToContact");
  if (sent !== undefined) draft.sentToContact = sent;
  const lines = list(input, "LineItems");
  if (lines || amountTypes !== undefined) {
    const source = lines ?? draft.lineItems.map(lineToInput);
    const built = buildLines(org, source, draft.lineAmountTypes, unitdp, draft.lineItems);
    errors.push(...built.errors);
    draft.lineItems = built.lines;
  }
  Object.assign(draft, totalsOf(draft.lineItems, draft.lineAmountTypes));
  draft.amountDue = Math.round((draft.total - draft.amountPaid) * 100) / 100;
  return errors;
}

/** Rebuilding lines from stored values keeps them stable when only LineAmountTypes changes. */
function lineToInput(line: InvoiceRecord["lineItems"][number]): WireObject {
  return {
    LineItemID: line.lineItemId,
    Description: line.description,
    Quantity: line.quantity,
    UnitAmount: line.unitAmount,
    AccountCode: line.accountCode,
    TaxType: line.taxType,
    DiscountRate: line.discountRate,
    DiscountAmount: line.discountAmount,
    ItemCode: line.itemCode,
  };
}

/** Approval rules that apply to any invoice about to be SUBMITTED or AUTHORISED. */
export function approvalErrors(invoice: InvoiceRecord): string[] {
  if (invoice.status !== "AUTHORISED" && invoice.status !== "SUBMITTED") return [];
  const errors: string[] = [];
  if (invoice.status === "AUTHORISED" && !invoice.dueDate) errors.push("Due Date must be specified.");
  if (invoice.lineItems.length === 0) errors.push("An invoice must contain at least one line item.");
  if (invoice.total < 0) errors.push("The invoice total must be zero or greater.");
  return errors;
}

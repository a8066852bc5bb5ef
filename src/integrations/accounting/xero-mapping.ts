// Types only: the SDK itself is loaded on the first Xero call (xero.ts), not at every start.
import type { Contact, Invoice, LineAmountTypes, LineItem, RepeatingInvoice, Schedule } from "xero-node";
import { currencyExponent, toDecimalString, toMinorRounded } from "../../lib/money.ts";
import type {
  LedgerContact,
  LedgerInvoice,
  LedgerInvoiceStatus,
  NewLedgerInvoice,
  NewLedgerRepeatingInvoice,
} from "./port.ts";

const STATUSES: readonly LedgerInvoiceStatus[] = ["DRAFT", "SUBMITTED", "AUTHORISED", "PAID", "VOIDED", "DELETED"];

/**
 * Xero money is a JSON number; it is read back through its decimal string (never float maths) in the
 * invoice's own currency and exponent, rounded to it, so an unexpected extra place can never throw after
 * Xero has already acted.
 */
export function xeroAmountToMinor(value: number | undefined, currency: string): number {
  return toMinorRounded(String(value ?? 0), currency);
}

/** Xero's unitdp: 4 keeps unit amounts of 3-decimal currencies exact (Xero rounds them to 2 otherwise). */
export function unitDecimalPlaces(currency: string): number | undefined {
  return currencyExponent(currency) > 2 ? 4 : undefined;
}

/**
 * Xero dates arrive as "2026-01-10", "2026-01-10T00:00:00" or the .NET form "/Date(1767916800000+0000)/",
 * whose instant is midnight UTC of the organisation's calendar day (xero-node hands that one over as a Date);
 * all become "YYYY-MM-DD".
 */
export function xeroDate(value: unknown): string | null {
  // xero-node itself turns the .NET form into a Date (at midnight UTC of that day).
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== "string" || value === "") return null;
  const dotNet = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value);
  if (dotNet?.[1]) return new Date(Number(dotNet[1])).toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/** The SDK's enums are declared numeric but are strings at runtime (xero-node #581): compare as strings. */
export function xeroStatus(value: unknown): LedgerInvoiceStatus {
  const status = STATUSES.find((s) => s === String(value));
  return status ?? "DRAFT";
}

export function toXeroInvoice(input: NewLedgerInvoice): Invoice {
  // xero-node declares its string enums as `<any>"VALUE"` members; the SDK serialises plain objects by name.
  const invoice: Invoice = { type: "ACCREC" as unknown as Invoice.TypeEnum };
  // Only the id: a Contact with a name would let Xero match by name or silently create a second contact.
  invoice.contact = { contactID: input.contactId };
  invoice.date = input.date;
  invoice.dueDate = input.dueDate;
  invoice.currencyCode = input.currency as unknown as Invoice["currencyCode"];
  invoice.status = input.status as unknown as Invoice.StatusEnum;
  invoice.lineAmountTypes = input.lineAmountTypes as unknown as LineAmountTypes;
  if (input.brandingThemeId) {
    invoice.brandingThemeID = input.brandingThemeId;
  }
  if (input.reference) {
    invoice.reference = input.reference;
  }
  invoice.lineItems = input.lines.map((line) => {
    const item: LineItem = {
      description: line.description,
      quantity: Number(line.quantity),
      unitAmount: Number(toDecimalString(line.unitAmount, input.currency)),
      accountCode: line.accountCode,
    };
    if (line.taxType) {
      item.taxType = line.taxType;
    }
    return item;
  });
  return invoice;
}

/** `currency` is what was asked for: Xero omits CurrencyCode in some answers, and then it is that one. */
export function toXeroRepeatingInvoice(input: NewLedgerRepeatingInvoice): RepeatingInvoice {
  const { date: _date, dueDate: _due, ...body } = toXeroInvoice({ ...input, date: "", dueDate: "" });
  const schedule: Schedule = {
    unit: input.schedule.unit as unknown as Schedule.UnitEnum,
    period: input.schedule.period,
    startDate: input.schedule.startDate,
    dueDate: input.schedule.dueDay,
    dueDateType: input.schedule.dueDateType as unknown as Schedule.DueDateTypeEnum,
  };
  if (input.schedule.endDate) schedule.endDate = input.schedule.endDate;
  return {
    type: body.type as unknown as RepeatingInvoice.TypeEnum,
    contact: body.contact,
    lineItems: body.lineItems,
    lineAmountTypes: body.lineAmountTypes,
    reference: body.reference,
    brandingThemeID: body.brandingThemeID,
    currencyCode: body.currencyCode,
    status: input.status as unknown as RepeatingInvoice.StatusEnum,
    approvedForSending: input.approvedForSending,
    schedule,
  };
}

export function fromXeroInvoice(invoice: Invoice, currency: string): LedgerInvoice {
  const answered = invoice.currencyCode ? String(invoice.currencyCode) : currency;
  return {
    id: invoice.invoiceID ?? "",
    number: invoice.invoiceNumber ?? "",
    reference: invoice.reference || null,
    status: xeroStatus(invoice.status),
    dueDate: xeroDate(invoice.dueDate),
    fullyPaidOn: xeroDate(invoice.fullyPaidOnDate),
    currency: answered,
    subtotalAmount: xeroAmountToMinor(invoice.subTotal, answered),
    taxAmount: xeroAmountToMinor(invoice.totalTax, answered),
    totalAmount: xeroAmountToMinor(invoice.total, answered),
    amountPaidAmount: xeroAmountToMinor(invoice.amountPaid, answered),
    amountDueAmount: xeroAmountToMinor(invoice.amountDue, answered),
    contactId: invoice.contact?.contactID ?? null,
    repeatingInvoiceId: invoice.repeatingInvoiceID ?? null,
    issueDate: xeroDate(invoice.date),
    updatedAt: xeroInstant(invoice.updatedDateUTC),
    type: invoice.type ? String(invoice.type) : null,
  };
}

/** UpdatedDateUTC: the SDK hands a Date, the raw wire a .NET "/Date(ms+0000)/" string. */
export function xeroInstant(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== "string") return null;
  const dotNet = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value);
  if (dotNet?.[1]) return new Date(Number(dotNet[1]));
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

export function fromXeroContact(contact: Contact): LedgerContact {
  return { id: contact.contactID ?? "", name: contact.name ?? "", email: contact.emailAddress || null };
}

type ValidationElement = {
  ValidationErrors?: { Message?: string }[];
  LineItems?: { ValidationErrors?: { Message?: string }[] }[];
  Contact?: { ValidationErrors?: { Message?: string }[] };
};

/** Xero's own validation messages from a 400 body (the top-level Message is always generic). */
export function xeroValidationMessages(body: unknown): string[] {
  if (typeof body !== "object" || body === null || !("Elements" in body) || !Array.isArray(body.Elements)) {
    return [];
  }
  const messages: string[] = [];
  for (const element of body.Elements as ValidationElement[]) {
    const groups = [
      element.ValidationErrors,
      element.Contact?.ValidationErrors,
      ...(element.LineItems ?? []).map((l) => l.ValidationErrors),
    ];
    for (const error of groups.flat()) {
      if (error?.Message && !messages.includes(error.Message)) {
        messages.push(error.Message);
      }
    }
  }
  return messages;
}

export type XeroFailure = { status: number; body: unknown; retryAfterSeconds: number | null };

/**
 * xero-node rejects with a JSON *string* of `{response:{statusCode, body, headers}}` (xero-node #812), or
 * throws a real Error for local failures. Both become one shape; anything else is status 0.
 */
export function parseXeroFailure(error: unknown): XeroFailure {
  if (typeof error !== "string") {
    return { status: 0, body: error instanceof Error ? error.message : null, retryAfterSeconds: null };
  }
  try {
    const parsed = JSON.parse(error) as {
      response?: { statusCode?: number; body?: unknown; headers?: Record<string, string> };
    };
    const retryAfter = Number(parsed.response?.headers?.["retry-after"]);
    return {
      status: parsed.response?.statusCode ?? 0,
      body: parsed.response?.body ?? null,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
    };
  } catch {
    return { status: 0, body: error, retryAfterSeconds: null };
  }
}

// Types only: the SDK itself is loaded on the first Xero call (xero.ts), not at every start.
import type { Contact, Invoice, LineAmountTypes, LineItem } from "xero-node";
import { toDecimalString, toMinor } from "../../lib/money.ts";
import type { LedgerContact, LedgerInvoice, LedgerInvoiceStatus, NewLedgerInvoice } from "./port.ts";

const STATUSES: readonly LedgerInvoiceStatus[] = ["DRAFT", "SUBMITTED", "AUTHORISED", "PAID", "VOIDED", "DELETED"];

/** Xero money is a 2-dp JSON number; read it back exactly through its decimal string, never float maths. */
export function xeroAmountToMinor(value: number | undefined, currency: string): number {
  return toMinor(String(value ?? 0), currency);
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

export function fromXeroInvoice(invoice: Invoice): LedgerInvoice {
  const currency = String(invoice.currencyCode ?? "USD");
  return {
    id: invoice.invoiceID ?? "",
    number: invoice.invoiceNumber ?? "",
    status: xeroStatus(invoice.status),
    currency,
    subtotalAmount: xeroAmountToMinor(invoice.subTotal, currency),
    taxAmount: xeroAmountToMinor(invoice.totalTax, currency),
    totalAmount: xeroAmountToMinor(invoice.total, currency),
    amountPaidAmount: xeroAmountToMinor(invoice.amountPaid, currency),
    amountDueAmount: xeroAmountToMinor(invoice.amountDue, currency),
  };
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

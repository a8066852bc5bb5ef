import type { SandboxContext } from "../../context.ts";
import { todayOf } from "../../core/dates.ts";
import { newId } from "../../core/ids.ts";
import { str, type WireObject } from "../../core/wire-input.ts";
import { invoiceNumberTaken, recordInvoiceNumber } from "../../state/indexes.ts";
import type { InvoiceRecord, OrganisationRecord } from "../../state/types.ts";
import { resolveContact } from "./invoice-contact.ts";
import { applyInvoiceFields, approvalErrors } from "./invoice-fields.ts";

export type InvoiceResult = { ok: true; invoice: InvoiceRecord } | { ok: false; errors: string[] };

export interface CreateOptions {
  unitdp: number;
  clientId?: string;
  repeatingInvoiceId?: string;
}

const CREATABLE = new Set(["DRAFT", "SUBMITTED", "AUTHORISED"]);

export function createInvoice(
  ctx: SandboxContext,
  org: OrganisationRecord,
  input: WireObject,
  options: CreateOptions,
): InvoiceResult {
  const errors: string[] = [];
  const type = str(input, "Type");
  if (type !== "ACCREC" && type !== "ACCPAY")
    errors.push(type ? "Invoice Type must be ACCREC or ACCPAY." : "Invoice Type must be specified.");
  const status = str(input, "Status") ?? "DRAFT";
  if (!CREATABLE.has(status)) errors.push("Invoice not of valid status for creation");
  const contact = resolveContact(ctx, org, input);
  if (!contact.ok) errors.push(contact.error);
  const now = ctx.clock.nowMs();
  const draft: InvoiceRecord = {
    invoiceId: newId(),
    type: type === "ACCPAY" ? "ACCPAY" : "ACCREC",
    contactId: contact.ok ? contact.contact.contactId : "",
    date: todayOf(now),
    lineAmountTypes: "Exclusive",
    invoiceNumber: "",
    currencyCode: org.baseCurrency,
    status: CREATABLE.has(status) ? (status as InvoiceRecord["status"]) : "DRAFT",
    sentToContact: false,
    lineItems: [],
    subTotal: 0,
    totalTax: 0,
    total: 0,
    totalDiscount: 0,
    amountPaid: 0,
    amountDue: 0,
    repeatingInvoiceId: options.repeatingInvoiceId,
    createdByClientId: options.clientId,
    updatedMs: now,
  };
  errors.push(...applyInvoiceFields(org, draft, input, options.unitdp));
  errors.push(...approvalErrors(draft));
  if (draft.sentToContact && draft.status !== "AUTHORISED") draft.sentToContact = false;
  if (errors.length > 0) return { ok: false, errors };
  if (!draft.invoiceNumber) draft.invoiceNumber = nextInvoiceNumber(org, draft.type);
  org.invoices[draft.invoiceId] = draft;
  recordInvoiceNumber(org, draft.invoiceNumber, draft.invoiceId);
  ctx.events.emit({
    tenantId: org.organisationId,
    category: "INVOICE",
    type: "CREATE",
    resourceId: draft.invoiceId,
    atMs: now,
  });
  ctx.store.changed();
  return { ok: true, invoice: draft };
}

/** ACCREC numbers come from the organisation's sequence (INV-0001…); bills get none. */
function nextInvoiceNumber(org: OrganisationRecord, type: InvoiceRecord["type"]): string {
  if (type === "ACCPAY") return "";
  let candidate = "";
  do {
    candidate = `${org.invoicePrefix}${String(org.nextInvoiceNumber).padStart(4, "0")}`;
    org.nextInvoiceNumber += 1;
  } while (invoiceNumberTaken(org, candidate, ""));
  return candidate;
}

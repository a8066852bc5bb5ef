import type { SandboxContext } from "../../context.ts";
import { has, str, type WireObject } from "../../core/wire-input.ts";
import { recordInvoiceNumber } from "../../state/indexes.ts";
import type { InvoiceRecord, InvoiceStatus, OrganisationRecord } from "../../state/types.ts";
import { resolveContact } from "./invoice-contact.ts";
import type { InvoiceResult } from "./invoice-create.ts";
import { applyInvoiceFields, approvalErrors } from "./invoice-fields.ts";

const TRANSITIONS: Record<InvoiceStatus, InvoiceStatus[]> = {
  DRAFT: ["DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"],
  SUBMITTED: ["SUBMITTED", "DRAFT", "AUTHORISED", "DELETED"],
  AUTHORISED: ["AUTHORISED", "VOIDED"],
  PAID: ["PAID"],
  VOIDED: ["VOIDED"],
  DELETED: ["DELETED"],
};

/** Fields Xero still lets you change once money has been applied to an invoice. */
const EDITABLE_WHEN_PAID = new Set([
  "InvoiceID",
  "Status",
  "Reference",
  "DueDate",
  "InvoiceNumber",
  "BrandingThemeID",
  "Url",
  "SentToContact",
  "ExpectedPaymentDate",
]);
/** Changes Xero does not count as modifications for If-Modified-Since on part-paid invoices. */
const SILENT_WHEN_PAID = new Set(["InvoiceID", "Status", "DueDate", "SentToContact"]);

export function updateInvoice(
  ctx: SandboxContext,
  org: OrganisationRecord,
  invoice: InvoiceRecord,
  input: WireObject,
  unitdp: number,
): InvoiceResult {
  const target = (str(input, "Status") ?? invoice.status) as InvoiceStatus;
  const keys = Object.keys(input).filter((k) => has(input, k));
  if (invoice.status === "VOIDED" || invoice.status === "DELETED") {
    const onlyId = keys.every((k) => k === "InvoiceID" || (k === "Status" && target === invoice.status));
    return onlyId ? { ok: true, invoice } : { ok: false, errors: ["Invoice not of valid status for modification"] };
  }
  const hasPayments = invoice.amountPaid > 0;
  if (target === "VOIDED" && hasPayments) {
    return {
      ok: false,
      errors: [
        "The status VOIDED cannot be applied to the invoice because it has payments or credit notes allocated to it.",
      ],
    };
  }
  // Xero answers any move between statuses an invoice cannot go between (AUTHORISED to DRAFT or DELETED, …) so.
  if (!(TRANSITIONS[invoice.status] ?? []).includes(target))
    return { ok: false, errors: ["Invoice not of valid status for modification"] };
  if (hasPayments && keys.some((k) => !EDITABLE_WHEN_PAID.has(k))) {
    return {
      ok: false,
      errors: [
        "Invoice not of valid status for modification",
        "This document cannot be edited as it has a payment or credit note allocated to it.",
      ],
    };
  }
  const draft: InvoiceRecord = { ...invoice, lineItems: invoice.lineItems, status: target };
  const errors: string[] = [];
  if (has(input, "Contact")) {
    const contact = resolveContact(ctx, org, input);
    if (contact.ok) draft.contactId = contact.contact.contactId;
    else errors.push(contact.error);
  }
  errors.push(...applyInvoiceFields(org, draft, input, unitdp));
  if (target !== invoice.status) errors.push(...approvalErrors(draft));
  if (draft.sentToContact && draft.status !== "AUTHORISED" && draft.status !== "PAID") {
    errors.push("Invoice must be approved before it can be marked as sent.");
  }
  if (errors.length > 0) return { ok: false, errors };
  const silent = hasPayments && keys.every((k) => SILENT_WHEN_PAID.has(k));
  if (!silent) draft.updatedMs = ctx.clock.nowMs();
  // Nothing is outstanding on a voided or deleted invoice: Xero reports AmountDue 0 (its spec's VOIDED example too).
  if (draft.status === "VOIDED" || draft.status === "DELETED") draft.amountDue = 0;
  Object.assign(invoice, draft);
  recordInvoiceNumber(org, invoice.invoiceNumber, invoice.invoiceId);
  ctx.events.emit({
    tenantId: org.organisationId,
    category: "INVOICE",
    type: "UPDATE",
    resourceId: invoice.invoiceId,
    atMs: ctx.clock.nowMs(),
  });
  ctx.store.changed();
  return { ok: true, invoice };
}

import { modifiedAfter } from "../../api/batch.ts";
import { compileOrder, compileWhere, type FieldMap } from "../../api/where-filter.ts";
import { dayToMs } from "../../core/dates.ts";
import type { InvoiceRecord, OrganisationRecord } from "../../state/types.ts";

export interface InvoiceQuery {
  ids?: string[];
  invoiceNumbers?: string[];
  contactIds?: string[];
  statuses?: string[];
  where?: string;
  order?: string;
  searchTerm?: string;
  modifiedSinceMs?: number;
  createdByClientId?: string;
}

export function invoiceFields(org: OrganisationRecord): FieldMap<InvoiceRecord> {
  const contact = (i: InvoiceRecord) => org.contacts[i.contactId];
  return {
    invoiceid: (i) => i.invoiceId,
    type: (i) => i.type,
    status: (i) => i.status,
    invoicenumber: (i) => i.invoiceNumber,
    reference: (i) => i.reference,
    "contact.contactid": (i) => i.contactId,
    "contact.name": (i) => contact(i)?.name,
    "contact.contactnumber": (i) => contact(i)?.contactNumber,
    date: (i) => dayToMs(i.date),
    duedate: (i) => (i.dueDate ? dayToMs(i.dueDate) : null),
    amountdue: (i) => i.amountDue,
    amountpaid: (i) => i.amountPaid,
    total: (i) => i.total,
    subtotal: (i) => i.subTotal,
    currencycode: (i) => i.currencyCode,
    senttocontact: (i) => i.sentToContact,
    updateddateutc: (i) => i.updatedMs,
    repeatinginvoiceid: (i) => i.repeatingInvoiceId,
  };
}

export function queryInvoices(org: OrganisationRecord, query: InvoiceQuery): InvoiceRecord[] {
  const lower = (values?: string[]) => (values ? new Set(values.map((v) => v.toLowerCase())) : undefined);
  const ids = lower(query.ids);
  const contactIds = lower(query.contactIds);
  const numbers = query.invoiceNumbers ? new Set(query.invoiceNumbers) : undefined;
  const statuses = query.statuses ? new Set(query.statuses.map((s) => s.toUpperCase())) : undefined;
  const fields = invoiceFields(org);
  const where = query.where ? compileWhere(query.where, fields, "Invoice") : undefined;
  const term = query.searchTerm?.toLowerCase();
  const explicit = Boolean(ids || numbers || statuses || where);
  const result = Object.values(org.invoices).filter(
    (i) =>
      (explicit || i.status !== "DELETED") &&
      (!ids || ids.has(i.invoiceId)) &&
      (!contactIds || contactIds.has(i.contactId)) &&
      (!numbers || numbers.has(i.invoiceNumber)) &&
      (!statuses || statuses.has(i.status)) &&
      modifiedAfter(i.updatedMs, query.modifiedSinceMs) &&
      (!query.createdByClientId || i.createdByClientId === query.createdByClientId) &&
      (!term || i.invoiceNumber.toLowerCase().includes(term) || (i.reference ?? "").toLowerCase().includes(term)) &&
      (!where || where(i)),
  );
  return query.order ? result.sort(compileOrder(query.order, fields, "Invoice")) : result;
}

import type { OrganisationRecord, PaymentRecord } from "./types.ts";

/** Derived lookups kept beside the state (not persisted) so large organisations stay fast. */
const invoiceNumbers = new WeakMap<OrganisationRecord, Map<string, string>>();
const paymentsByInvoice = new WeakMap<OrganisationRecord, { count: number; map: Map<string, PaymentRecord[]> }>();

function numberIndex(org: OrganisationRecord): Map<string, string> {
  let index = invoiceNumbers.get(org);
  if (!index) {
    index = new Map();
    for (const invoice of Object.values(org.invoices))
      if (invoice.status !== "DELETED") index.set(invoice.invoiceNumber, invoice.invoiceId);
    invoiceNumbers.set(org, index);
  }
  return index;
}

/** True when another live invoice already carries this number. */
export function invoiceNumberTaken(org: OrganisationRecord, number: string, exceptInvoiceId: string): boolean {
  const id = numberIndex(org).get(number);
  if (!id || id === exceptInvoiceId) return false;
  const holder = org.invoices[id];
  if (holder && holder.invoiceNumber === number && holder.status !== "DELETED") return true;
  numberIndex(org).delete(number);
  return false;
}

export function recordInvoiceNumber(org: OrganisationRecord, number: string, invoiceId: string): void {
  if (number) numberIndex(org).set(number, invoiceId);
}

/** Payments are never removed (deletion is a status), so the count tells when to rebuild. */
export function paymentsOf(org: OrganisationRecord, invoiceId: string): PaymentRecord[] {
  const payments = Object.values(org.payments);
  let cached = paymentsByInvoice.get(org);
  if (!cached || cached.count !== payments.length) {
    const map = new Map<string, PaymentRecord[]>();
    for (const payment of payments) map.set(payment.invoiceId, [...(map.get(payment.invoiceId) ?? []), payment]);
    cached = { count: payments.length, map };
    paymentsByInvoice.set(org, cached);
  }
  return cached.map.get(invoiceId) ?? [];
}

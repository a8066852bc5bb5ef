import type { SandboxContext } from "../../context.ts";
import type { InvoiceRecord, OrganisationRecord } from "../../state/types.ts";

export type EmailResult = { ok: true } | { ok: false; error: string };

/** POST /Invoices/{id}/Email: sales invoices past draft, to a contact with an address. */
export function emailInvoice(
  ctx: SandboxContext,
  org: OrganisationRecord,
  invoice: InvoiceRecord,
  trigger: "api" | "repeating",
  flags = { sendCopy: false, includePdf: false },
): EmailResult {
  if (invoice.type !== "ACCREC") return { ok: false, error: "Only sales invoices (ACCREC) can be emailed." };
  if (!["SUBMITTED", "AUTHORISED", "PAID"].includes(invoice.status))
    return { ok: false, error: "Invoice not of valid status for sending" };
  const to = org.contacts[invoice.contactId]?.emailAddress;
  if (!to) return { ok: false, error: "The contact does not have a valid email address." };
  org.emails.push({ invoiceId: invoice.invoiceId, to, sentMs: ctx.clock.nowMs(), trigger, ...flags });
  if (!invoice.sentToContact && invoice.status !== "SUBMITTED") {
    invoice.sentToContact = true;
    ctx.events.emit({
      tenantId: org.organisationId,
      category: "INVOICE",
      type: "UPDATE",
      resourceId: invoice.invoiceId,
      atMs: ctx.clock.nowMs(),
    });
  }
  ctx.store.changed();
  return { ok: true };
}

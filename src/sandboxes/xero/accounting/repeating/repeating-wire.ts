import { msDate } from "../../core/dates.ts";
import type { OrganisationRecord, RepeatingInvoiceRecord } from "../../state/types.ts";
import { contactSummaryToWire } from "../contacts/contact-wire.ts";
import { lineToWire } from "../invoices/invoice-wire.ts";

export function repeatingToWire(org: OrganisationRecord, r: RepeatingInvoiceRecord): Record<string, unknown> {
  const s = r.schedule;
  return {
    Schedule: {
      Period: s.period,
      Unit: s.unit,
      DueDate: s.dueDate,
      DueDateType: s.dueDateType,
      StartDate: msDate(s.startDate),
      NextScheduledDate: s.nextScheduledDate && r.status !== "DELETED" ? msDate(s.nextScheduledDate) : undefined,
      EndDate: s.endDate ? msDate(s.endDate) : undefined,
    },
    RepeatingInvoiceID: r.repeatingInvoiceId,
    ID: r.repeatingInvoiceId,
    Type: r.type,
    Reference: r.reference,
    HasAttachments: false,
    ApprovedForSending: r.approvedForSending,
    SendCopy: r.sendCopy,
    MarkAsSent: r.markAsSent,
    IncludePDF: r.includePdf,
    Contact: contactSummaryToWire(org.contacts[r.contactId]),
    Status: r.status,
    LineAmountTypes: r.lineAmountTypes,
    LineItems: r.lineItems.map((l) => lineToWire(l, 4)),
    SubTotal: r.subTotal,
    TotalTax: r.totalTax,
    Total: r.total,
    CurrencyCode: r.currencyCode,
    BrandingThemeID: r.brandingThemeId,
  };
}

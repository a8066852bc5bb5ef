import type { SandboxContext } from "../../context.ts";
import { todayOf } from "../../core/dates.ts";
import type { WireObject } from "../../core/wire-input.ts";
import type { InvoiceRecord, OrganisationRecord, RepeatingInvoiceRecord } from "../../state/types.ts";
import { createInvoice } from "../invoices/invoice-create.ts";
import { emailInvoice } from "../invoices/invoice-email.ts";
import { dueDateFor, expandPlaceholders, nextScheduledDate } from "./schedule.ts";

/** Generates every invoice whose scheduled date has arrived on the sandbox clock. */
export function runRepeatingSchedules(ctx: SandboxContext): InvoiceRecord[] {
  const today = todayOf(ctx.clock.nowMs());
  const generated: InvoiceRecord[] = [];
  for (const org of ctx.store.organisations()) {
    for (const template of Object.values(org.repeatingInvoices)) {
      if (template.status === "DELETED") continue;
      let due = template.schedule.nextScheduledDate;
      while (due !== undefined && due <= today) {
        const invoice = generate(ctx, org, template, due);
        if (invoice) generated.push(invoice);
        template.schedule.occurrences += 1;
        template.schedule.nextScheduledDate = nextScheduledDate(template.schedule);
        due = template.schedule.nextScheduledDate;
      }
    }
  }
  if (generated.length > 0) ctx.store.changed();
  return generated;
}

function generate(
  ctx: SandboxContext,
  org: OrganisationRecord,
  template: RepeatingInvoiceRecord,
  date: string,
): InvoiceRecord | undefined {
  const input: WireObject = {
    Type: template.type,
    Contact: { ContactID: template.contactId },
    Date: date,
    DueDate: dueDateFor(date, template.schedule.dueDate, template.schedule.dueDateType),
    LineAmountTypes: template.lineAmountTypes,
    Reference: expandPlaceholders(template.reference, date),
    BrandingThemeID: template.brandingThemeId,
    Status: template.status,
    LineItems: template.lineItems.map((l) => ({
      Description: expandPlaceholders(l.description, date),
      Quantity: l.quantity,
      UnitAmount: l.unitAmount,
      AccountCode: l.accountCode,
      TaxType: l.taxType,
      DiscountRate: l.discountRate,
      DiscountAmount: l.discountAmount,
    })),
  };
  const result = createInvoice(ctx, org, input, { unitdp: 4, repeatingInvoiceId: template.repeatingInvoiceId });
  if (!result.ok) return undefined;
  const invoice = result.invoice;
  if (invoice.status === "AUTHORISED" && template.approvedForSending) {
    emailInvoice(ctx, org, invoice, "repeating", { sendCopy: template.sendCopy, includePdf: template.includePdf });
  } else if (invoice.status === "AUTHORISED" && template.markAsSent) {
    invoice.sentToContact = true;
  }
  return invoice;
}

import { z } from "@hono/zod-openapi";
import { describeSchedule, type XeroRepeatingInvoiceRow } from "../modules/invoices/index.ts";

export const XeroRepeatingInvoiceSchema = z
  .object({
    id: z.string(),
    opportunity_id: z.string(),
    xero_repeating_invoice_id: z.string().nullable().openapi({ description: "Null while Xero is still creating it" }),
    xero_tenant_id: z.string(),
    status: z.enum(["DRAFT", "AUTHORISED", "DELETED"]),
    approval: z.enum(["draft", "approve", "approve_for_sending"]),
    schedule: z.object({
      unit: z.enum(["week", "month"]),
      every: z.number().int(),
      start_date: z.string(),
      end_date: z.string().nullable(),
      due: z.object({ type: z.enum(["days_after_invoice", "day_of_following_month"]), day: z.number().int() }),
      summary: z.string().openapi({ example: "First invoice on 3 Dec 2026, then every 2 weeks" }),
    }),
    reference: z.string().nullable(),
    currency: z.string(),
    total_amount: z.number().int().openapi({ description: "Each raised invoice's total, minor units" }),
    xero_url: z.string().nullable().openapi({ description: "Where the schedule is paused or edited in Xero" }),
    created_at: z.string(),
  })
  .openapi("XeroRepeatingInvoice");

export function toXeroRepeatingInvoiceDto(r: XeroRepeatingInvoiceRow): z.infer<typeof XeroRepeatingInvoiceSchema> {
  return {
    id: r.id,
    opportunity_id: r.opportunityId,
    xero_repeating_invoice_id: r.externalId,
    xero_tenant_id: r.xeroTenantId,
    status: r.status,
    approval: r.approval,
    schedule: {
      unit: r.unit,
      every: r.every,
      start_date: r.startDate,
      end_date: r.endDate,
      due: { type: r.dueType, day: r.dueDay },
      summary: describeSchedule(r),
    },
    reference: r.reference,
    currency: r.currency,
    total_amount: r.totalAmount,
    xero_url: r.externalId ? `https://go.xero.com/RepeatTransactions/Edit.aspx?invoiceID=${r.externalId}` : null,
    created_at: r.createdAt.toISOString(),
  };
}

import { z } from "@hono/zod-openapi";
import { canonicalDecimal, sumMinor } from "../lib/money.ts";
import { allowedInvoiceActions, INVOICE_ACTIONS } from "../modules/billing/index.ts";
import type { InvoiceView, Preview } from "../modules/invoices/index.ts";

const PreviewLineSchema = z.object({
  product_line_id: z.string().nullable(),
  description: z.string(),
  quantity: z.string(),
  unit_amount: z.number().int(),
  tax_rate: z.string(),
  tax_amount: z.number().int(),
  amount: z.number().int().openapi({ description: "Net of tax, minor units" }),
  warning: z.enum(["double_billing", "deposits_exceed_total", "nothing_left_to_bill"]).optional(),
});

export const PreviewSchema = z
  .object({
    portion: z.enum(["full", "deposit", "balance", "ongoing"]),
    currency: z.string(),
    tax_mode: z.enum(["exclusive", "inclusive"]),
    lines: z.array(PreviewLineSchema),
    subtotal_amount: z.number().int(),
    tax_amount: z.number().int(),
    total_amount: z.number().int(),
  })
  .openapi("InvoicePreview");

export function toPreviewDto(p: Preview): z.infer<typeof PreviewSchema> {
  return {
    portion: p.portion,
    currency: p.currency,
    tax_mode: p.taxMode,
    lines: p.lines.map((l) => ({
      product_line_id: l.productLineId,
      description: l.description,
      quantity: l.quantity,
      unit_amount: l.unitAmount,
      tax_rate: l.taxRate,
      tax_amount: l.taxAmount,
      amount: l.amount,
      ...(l.warning ? { warning: l.warning } : {}),
    })),
    subtotal_amount: p.subtotalAmount,
    tax_amount: p.taxAmount,
    total_amount: p.totalAmount,
  };
}

/** Amounts reach only callers with invoices:read; a write verb answers a caller without it with none. */
function revenue<T extends z.ZodType>(schema: T) {
  return schema.optional().openapi({ description: "Present only when the caller holds invoices:read." });
}

export const InvoiceSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    provider: z.enum(["native", "xero"]),
    opportunity_id: z.string(),
    portion: z.enum(["full", "deposit", "balance", "ongoing"]),
    status: z.enum(["DRAFT", "SUBMITTED", "AUTHORISED", "PAID", "VOIDED", "DELETED"]),
    currency: z.string(),
    tax_mode: z.enum(["exclusive", "inclusive"]),
    issue_date: z.string(),
    due_date: z.string().nullable(),
    reference: z.string().nullable(),
    notes: z.string().nullable(),
    lines: z.array(
      PreviewLineSchema.omit({ warning: true, unit_amount: true, tax_amount: true, amount: true }).extend({
        id: z.string(),
        unit_amount: revenue(z.number().int()),
        tax_amount: revenue(z.number().int()),
        amount: revenue(z.number().int().openapi({ description: "Net of tax, minor units" })),
      }),
    ),
    subtotal_amount: revenue(z.number().int()),
    tax_amount: revenue(z.number().int()),
    total_amount: revenue(z.number().int()),
    amount_paid_amount: revenue(z.number().int()),
    amount_due_amount: revenue(z.number().int()),
    preview_total_amount: revenue(
      z.number().int().nullable().openapi({
        description:
          "Xero invoices: the total Settle previewed (its lines' amounts and tax); differs from total_amount only when Xero totalled it otherwise. Null for native invoices.",
      }),
    ),
    xero_invoice_id: z
      .string()
      .nullable()
      .openapi({ description: "Xero's InvoiceID; null for native invoices and while Xero is still creating it" }),
    xero_tenant_id: z
      .string()
      .nullable()
      .openapi({ description: "The Xero organisation the invoice lives in; null for native" }),
    payment_link: z
      .object({
        id: z.string(),
        stripe_id: z.string().openapi({ description: "Stripe's id of the link (plink_…)" }),
        url: z.string(),
        mode: z.enum(["one_time", "subscription"]),
        interval: z.enum(["day", "week", "month", "year"]).nullable(),
        active: z.boolean(),
        last_payment_status: z
          .string()
          .nullable()
          .openapi({ description: "The latest Stripe payment's status: processing while a bank debit settles" }),
      })
      .nullable()
      .openapi({ description: "The Stripe payment link (Pay now) made for the invoice; null when none" }),
    allowed_actions: z.array(z.enum(INVOICE_ACTIONS)).openapi({
      description: "What may be done to the invoice in its current status (one lifecycle for every surface)",
    }),
    sent_at: z.string().nullable(),
    paid_at: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi("Invoice");

/** Amounts absent from the view (a caller without invoices:read) are absent from the DTO, never null or 0. */
export function toInvoiceDto(i: InvoiceView): z.infer<typeof InvoiceSchema> {
  return {
    id: i.id,
    number: i.number,
    provider: i.provider,
    opportunity_id: i.opportunityId,
    portion: i.portion,
    status: i.status,
    currency: i.currency,
    tax_mode: i.taxMode,
    issue_date: i.issueDate,
    due_date: i.dueDate,
    reference: i.reference,
    notes: i.notes,
    lines: i.lines.map((l) => ({
      id: l.id,
      product_line_id: l.productLineId,
      description: l.description,
      quantity: canonicalDecimal(l.quantity),
      ...(l.unitAmount === undefined ? {} : { unit_amount: l.unitAmount }),
      tax_rate: canonicalDecimal(l.taxRate),
      ...(l.taxAmount === undefined ? {} : { tax_amount: l.taxAmount }),
      ...(l.amount === undefined ? {} : { amount: l.amount }),
    })),
    ...(i.subtotalAmount === undefined ? {} : { subtotal_amount: i.subtotalAmount }),
    ...(i.taxAmount === undefined ? {} : { tax_amount: i.taxAmount }),
    ...(i.totalAmount === undefined ? {} : { total_amount: i.totalAmount }),
    ...(i.amountPaidAmount === undefined ? {} : { amount_paid_amount: i.amountPaidAmount }),
    ...(i.totalAmount === undefined || i.amountPaidAmount === undefined
      ? {}
      : {
          amount_due_amount: i.status === "VOIDED" || i.status === "DELETED" ? 0 : i.totalAmount - i.amountPaidAmount,
        }),
    ...(i.totalAmount === undefined ? {} : { preview_total_amount: previewTotal(i) }),
    xero_invoice_id: i.provider === "xero" ? i.externalId : null,
    xero_tenant_id: i.provider === "xero" ? i.xeroTenantId : null,
    payment_link: i.paymentLink
      ? {
          id: i.paymentLink.id,
          stripe_id: i.paymentLink.stripeId,
          url: i.paymentLink.url,
          mode: i.paymentLink.mode,
          interval: i.paymentLink.interval,
          active: i.paymentLink.active,
          last_payment_status: i.paymentLink.lastPaymentStatus,
        }
      : null,
    allowed_actions: allowedInvoiceActions({
      provider: i.provider,
      status: i.status,
      // Without invoices:read the amount paid is hidden; the verbs still refuse voiding a paid invoice.
      amountPaidAmount: i.amountPaidAmount ?? 0,
      externalId: i.externalId,
    }),
    sent_at: i.sentAt?.toISOString() ?? null,
    paid_at: i.paidAt?.toISOString() ?? null,
    created_at: i.createdAt.toISOString(),
  };
}

function previewTotal(i: InvoiceView): number | null {
  if (i.provider !== "xero") return null;
  return sumMinor(i.lines.flatMap((l) => [l.amount ?? 0, l.taxAmount ?? 0]));
}

export const InvoiceSummarySchema = z
  .object({
    currency: z.string(),
    invoiced_amount: z.number().int(),
    paid_amount: z.number().int(),
    outstanding_amount: z.number().int(),
    updated_at: z.string().nullable(),
  })
  .openapi("InvoiceSummary");

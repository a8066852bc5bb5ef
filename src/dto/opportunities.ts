import { z } from "@hono/zod-openapi";
import type { LineView, OpportunityView } from "../modules/opportunities/index.ts";

const PaymentStatus = z.enum(["unpaid", "deposit_invoiced", "invoiced", "paid"]);

export const LineSchema = z
  .object({
    id: z.string(),
    opportunity_id: z.string(),
    product_id: z.string(),
    product_name: z.string(),
    currency: z.string(),
    quantity: z.number(),
    unit_amount: z.number().int(),
    discount_percent: z.number(),
    deposit_percent: z.number().nullable().openapi({ description: "Override; null → the product's default" }),
    effective_deposit_percent: z
      .number()
      .openapi({ description: "What a deposit invoice uses: override, else product, else workspace default" }),
    deposit_amount: z
      .number()
      .int()
      .openapi({ description: "line_total_amount × effective_deposit_percent, minor units" }),
    tax_rate: z.number(),
    sort_order: z.number().int(),
    line_total_amount: z
      .number()
      .int()
      .openapi({ description: "quantity × unit_amount × (1 − discount), tax-exclusive" }),
    payment_status: PaymentStatus.optional().openapi({
      description: "Present only when the caller holds invoices:read; the key is absent otherwise.",
    }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("ProductLine");

export function toLineDto(line: LineView): z.infer<typeof LineSchema> {
  return {
    id: line.id,
    opportunity_id: line.opportunityId,
    product_id: line.productId,
    product_name: line.productName,
    currency: line.currency,
    quantity: Number(line.quantity),
    unit_amount: line.unitAmount,
    discount_percent: Number(line.discountPercent),
    deposit_percent: line.depositPercent === null ? null : Number(line.depositPercent),
    effective_deposit_percent: Number(line.effectiveDepositPercent),
    deposit_amount: line.depositAmount,
    tax_rate: Number(line.taxRate),
    sort_order: line.sortOrder,
    line_total_amount: line.lineTotalAmount,
    ...(line.paymentStatus === undefined ? {} : { payment_status: line.paymentStatus }),
    created_at: line.createdAt.toISOString(),
    updated_at: line.updatedAt.toISOString(),
  };
}

export const OpportunitySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    company_id: z.string(),
    primary_contact_id: z.string().nullable(),
    currency: z.string(),
    stage: z.string().openapi({ description: "The stage's name (kept for clients of the free-text field)" }),
    stage_id: z.string().nullable(),
    status: z.enum(["open", "won", "lost"]),
    owner_id: z.string().nullable(),
    total_amount: z.number().int().openapi({ description: "Sum of line totals, tax-exclusive" }),
    line_count: z.number().int(),
    products: z.array(LineSchema).optional().openapi({ description: "With `expand=products` only" }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Opportunity");

export function toOpportunityDto(row: OpportunityView): z.infer<typeof OpportunitySchema> {
  return {
    id: row.id,
    name: row.name,
    company_id: row.companyId,
    primary_contact_id: row.primaryContactId,
    currency: row.currency,
    stage: row.stage,
    stage_id: row.stageId,
    status: row.status,
    owner_id: row.ownerId,
    total_amount: row.totalAmount,
    line_count: row.lineCount,
    ...(row.lines ? { products: row.lines.map(toLineDto) } : {}),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const StatusChangeSchema = z
  .object({
    id: z.string(),
    line_id: z.string(),
    from: PaymentStatus,
    to: PaymentStatus,
    source: z.enum(["manual", "invoice_sent", "xero_sync", "stripe_payment", "stripe_sync", "automation"]),
    actor: z.object({ kind: z.enum(["member", "api_key", "system"]), id: z.string().nullable() }),
    invoice_id: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi("PaymentStatusChange");

type StatusChangeRow = {
  id: string;
  lineId: string;
  fromStatus: z.infer<typeof PaymentStatus>;
  toStatus: z.infer<typeof PaymentStatus>;
  source: z.infer<typeof StatusChangeSchema>["source"];
  actorKind: "member" | "api_key" | "system";
  actorId: string | null;
  invoiceId: string | null;
  createdAt: Date;
};

export function toStatusChangeDto(row: StatusChangeRow): z.infer<typeof StatusChangeSchema> {
  return {
    id: row.id,
    line_id: row.lineId,
    from: row.fromStatus,
    to: row.toStatus,
    source: row.source,
    actor: { kind: row.actorKind, id: row.actorId },
    invoice_id: row.invoiceId,
    created_at: row.createdAt.toISOString(),
  };
}

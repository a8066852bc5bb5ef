import { z } from "@hono/zod-openapi";
import type { Ageing, Receivable, Receivables } from "../modules/reports/index.ts";

const Minor = z.number().int();

const AgeingSchema = z
  .object({ current: Minor, days_1_30: Minor, days_31_60: Minor, days_61_90: Minor, days_90_plus: Minor })
  .openapi("Ageing", { description: "Amounts still due by days past the due date, minor units" });

const ReceivableFields = {
  currency: z.string(),
  outstanding_amount: Minor,
  overdue_amount: Minor,
  ageing: AgeingSchema,
};

export const ReceivablesSchema = z
  .object({
    as_of: z.string().openapi({ description: "The day the ageing is counted from" }),
    data: z.array(z.object(ReceivableFields)).openapi({ description: "Per currency" }),
    by_company: z.array(z.object({ company_id: z.string(), company_name: z.string(), ...ReceivableFields })),
    pipeline_by_status: z
      .array(
        z.object({
          currency: z.string(),
          unpaid_amount: Minor,
          deposit_invoiced_amount: Minor,
          invoiced_amount: Minor,
          paid_amount: Minor,
        }),
      )
      .openapi({ description: "Line totals of open opportunities by payment status" }),
    paid_by_month: z
      .array(z.object({ month: z.string(), currency: z.string(), paid_amount: Minor }))
      .openapi({ description: "The last 12 months (YYYY-MM), each currency seen" }),
  })
  .openapi("Receivables");

function ageingDto(a: Ageing) {
  return {
    current: a.current,
    days_1_30: a.days1To30,
    days_31_60: a.days31To60,
    days_61_90: a.days61To90,
    days_90_plus: a.days90Plus,
  };
}

function receivableDto(r: Receivable) {
  return {
    currency: r.currency,
    outstanding_amount: r.outstandingAmount,
    overdue_amount: r.overdueAmount,
    ageing: ageingDto(r.ageing),
  };
}

export function toReceivablesDto(r: Receivables): z.infer<typeof ReceivablesSchema> {
  return {
    as_of: r.asOf,
    data: r.totals.map(receivableDto),
    by_company: r.byCompany.map((c) => ({ company_id: c.companyId, company_name: c.companyName, ...receivableDto(c) })),
    pipeline_by_status: r.pipelineByStatus.map((p) => ({
      currency: p.currency,
      unpaid_amount: p.unpaidAmount,
      deposit_invoiced_amount: p.depositInvoicedAmount,
      invoiced_amount: p.invoicedAmount,
      paid_amount: p.paidAmount,
    })),
    paid_by_month: r.paidByMonth.map((m) => ({ month: m.month, currency: m.currency, paid_amount: m.paidAmount })),
  };
}

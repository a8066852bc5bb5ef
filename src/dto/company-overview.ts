import { z } from "@hono/zod-openapi";
import { subtractMinor } from "../lib/money.ts";
import type { getCompanyOverview } from "../modules/company-overview/index.ts";
import { CompanySchema, ContactSchema, toCompanyDto, toContactDto } from "./crm.ts";
import { OpportunitySchema, toOpportunityDto } from "./opportunities.ts";

const CompanyInvoiceSchema = z
  .object({
    id: z.string(),
    opportunity_id: z.string(),
    number: z.string(),
    provider: z.enum(["native", "xero"]),
    status: z.string(),
    currency: z.string(),
    issue_date: z.string(),
    due_date: z.string().nullable(),
    total_amount: z.number().int(),
    amount_paid_amount: z.number().int(),
    amount_due_amount: z.number().int(),
  })
  .openapi("CompanyInvoice");

const PayerRelationSchema = z
  .object({
    opportunity_id: z.string(),
    opportunity_name: z.string(),
    client_id: z.string().openapi({ description: "The opportunity's own company" }),
    client_name: z.string(),
    currency: z.string(),
    status: z.enum(["open", "won", "lost"]),
    total_amount: z.number().int(),
  })
  .openapi("CompanyPayerRelation");

export const CompanyOverviewSchema = z
  .object({
    company: CompanySchema,
    contacts: z.array(ContactSchema).optional().openapi({ description: "With contacts:read; primary first" }),
    opportunities: z.array(OpportunitySchema).optional().openapi({ description: "With opportunities:read" }),
    invoices: z.array(CompanyInvoiceSchema).optional().openapi({ description: "With invoices:read only" }),
    payer_for: z.array(PayerRelationSchema).optional().openapi({
      description:
        "Other clients' opportunities this company pays bills for as a payer company; with invoices:read and opportunities:read",
    }),
  })
  .openapi("CompanyOverview");

type Overview = Awaited<ReturnType<typeof getCompanyOverview>>;

export function toCompanyOverviewDto(o: Overview): z.infer<typeof CompanyOverviewSchema> {
  return {
    company: toCompanyDto(o.company),
    ...(o.contacts ? { contacts: o.contacts.map(toContactDto) } : {}),
    ...(o.opportunities ? { opportunities: o.opportunities.map(toOpportunityDto) } : {}),
    ...(o.invoices
      ? {
          invoices: o.invoices.map((i) => ({
            id: i.id,
            opportunity_id: i.opportunityId,
            number: i.number,
            provider: i.provider,
            status: i.status,
            currency: i.currency,
            issue_date: i.issueDate,
            due_date: i.dueDate,
            total_amount: i.totalAmount,
            amount_paid_amount: i.amountPaidAmount,
            amount_due_amount:
              i.status === "VOIDED" || i.status === "DELETED" ? 0 : subtractMinor(i.totalAmount, i.amountPaidAmount),
          })),
        }
      : {}),
    ...(o.payerFor
      ? {
          payer_for: o.payerFor.map((p) => ({
            opportunity_id: p.opportunityId,
            opportunity_name: p.opportunityName,
            client_id: p.clientId,
            client_name: p.clientName,
            currency: p.currency,
            status: p.status,
            total_amount: p.totalAmount,
          })),
        }
      : {}),
  };
}

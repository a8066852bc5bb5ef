import { and, asc, desc, eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { contacts, invoices, opportunities } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { hasScope, requireScope } from "../access/index.ts";
import { getCompanyOrThrow, RecordRef } from "../crm/index.ts";
import { listOpportunities, type OpportunityView } from "../opportunities/index.ts";
import { type PayerRelation, payerRelationsOf } from "./payer-relations.ts";

export type CompanyInvoice = {
  id: string;
  opportunityId: string;
  number: string;
  provider: "native" | "xero";
  status: string;
  currency: string;
  issueDate: string;
  dueDate: string | null;
  totalAmount: number;
  amountPaidAmount: number;
};

/** How many of each a company page shows; the lists link on for more. */
const SHOWN = 100;

/**
 * A company page in one call: the company, its contacts (primary first), its opportunities, and — only with
 * invoices:read — its invoices and the opportunities it pays for as a payer company. Parts the caller may not
 * read are absent, never empty.
 */
export async function getCompanyOverview(ctx: Ctx, input: RecordRef) {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "companies:read");
  const ws = ctx.actor.workspaceId;
  const company = await getCompanyOrThrow(ctx.db, ws, id);
  const overview: {
    company: typeof company;
    contacts?: (typeof contacts.$inferSelect)[];
    opportunities?: OpportunityView[];
    invoices?: CompanyInvoice[];
    payerFor?: PayerRelation[];
  } = { company };
  if (hasScope(ctx.actor.scopes, "contacts:read")) {
    overview.contacts = await ctx.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.workspaceId, ws), eq(contacts.companyId, id)))
      .orderBy(desc(contacts.isPrimary), asc(contacts.name))
      .limit(SHOWN);
  }
  if (hasScope(ctx.actor.scopes, "opportunities:read")) {
    overview.opportunities = (await listOpportunities(ctx, { company_id: id, limit: SHOWN })).data;
  }
  if (hasScope(ctx.actor.scopes, "invoices:read")) {
    overview.invoices = await ctx.db
      .select({
        id: invoices.id,
        opportunityId: invoices.opportunityId,
        number: invoices.number,
        provider: invoices.provider,
        status: invoices.status,
        currency: invoices.currency,
        issueDate: invoices.issueDate,
        dueDate: invoices.dueDate,
        totalAmount: invoices.totalAmount,
        amountPaidAmount: invoices.amountPaidAmount,
      })
      .from(invoices)
      .innerJoin(
        opportunities,
        and(eq(opportunities.workspaceId, invoices.workspaceId), eq(opportunities.id, invoices.opportunityId)),
      )
      .where(and(eq(invoices.workspaceId, ws), eq(opportunities.companyId, id)))
      .orderBy(desc(invoices.issueDate), desc(invoices.id))
      .limit(SHOWN);
  }
  // Payer companies are billing data (their routes need invoices:read), and the rows name opportunities.
  if (hasScope(ctx.actor.scopes, "invoices:read") && hasScope(ctx.actor.scopes, "opportunities:read")) {
    overview.payerFor = await payerRelationsOf(ctx.db, ws, id, SHOWN);
  }
  return overview;
}

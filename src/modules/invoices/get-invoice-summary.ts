import { eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { opportunityInvoiceTotals } from "../../db/schema/invoices.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { OpportunityRef } from "../opportunities/index.ts";
import { getOpportunityOrThrow } from "../opportunities/internal.ts";

/** The opportunity's invoiced and paid totals (kept by the invoices.changed job); revenue, so invoices:read. */
export async function getInvoiceSummary(ctx: Ctx, input: OpportunityRef) {
  const { opportunity_id: opportunityId } = parseInput(OpportunityRef, input);
  requireScope(ctx.actor.scopes, "invoices:read");
  const opportunity = await getOpportunityOrThrow(ctx.db, ctx.actor.workspaceId, opportunityId);
  const [row] = await ctx.db
    .select()
    .from(opportunityInvoiceTotals)
    .where(eq(opportunityInvoiceTotals.opportunityId, opportunityId));
  const invoiced = row?.invoicedAmount ?? 0;
  const paid = row?.paidAmount ?? 0;
  return {
    currency: opportunity.currency,
    invoicedAmount: invoiced,
    paidAmount: paid,
    outstandingAmount: invoiced - paid,
    updatedAt: row?.updatedAt ?? null,
  };
}

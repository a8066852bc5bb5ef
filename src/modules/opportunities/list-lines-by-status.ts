import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { companies, invoiceSettings, opportunities, productLines, products } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { PAYMENT_STATUSES } from "../billing/index.ts";
import { type LineView, lineFields, toLineView } from "./line-view.ts";

const MAX_LINES = 500;

export const ListLinesByStatusInput = z.strictObject({
  payment_status: z.array(z.enum(PAYMENT_STATUSES)).min(1).max(4).default(["unpaid", "deposit_invoiced", "invoiced"]),
  company_id: z.string().min(1).max(64).optional(),
  opportunity_id: z.string().min(1).max(64).optional(),
  opportunity_status: z.enum(["open", "won", "lost"]).optional(),
});
export type ListLinesByStatusInput = z.input<typeof ListLinesByStatusInput>;

export type LineWithOpportunity = LineView & {
  opportunityName: string;
  companyId: string | null;
  companyName: string | null;
};

/**
 * Lines across the workspace by payment status ("what is still unpaid for Harbour Dental?"), oldest opportunity
 * first, at most MAX_LINES (`truncated` says when there were more). Filtering on payment status reveals it, so
 * this needs invoices:read as well as opportunities:read.
 */
export async function listLinesByStatus(ctx: Ctx, input: ListLinesByStatusInput) {
  const parsed = parseInput(ListLinesByStatusInput, input);
  requireScope(ctx.actor.scopes, "opportunities:read");
  requireScope(ctx.actor.scopes, "invoices:read");
  const rows = await ctx.db
    .select({
      line: lineFields(),
      product: { name: products.name },
      workspaceDeposit: invoiceSettings.defaultDepositPercent,
      opportunity: { name: opportunities.name, currency: opportunities.currency },
      company: { id: companies.id, name: companies.name },
    })
    .from(productLines)
    .innerJoin(products, eq(products.id, productLines.productId))
    .leftJoin(invoiceSettings, eq(invoiceSettings.workspaceId, productLines.workspaceId))
    .innerJoin(
      opportunities,
      and(eq(opportunities.id, productLines.opportunityId), eq(opportunities.workspaceId, productLines.workspaceId)),
    )
    .leftJoin(companies, eq(companies.id, opportunities.companyId))
    .where(
      and(
        eq(productLines.workspaceId, ctx.actor.workspaceId),
        inArray(productLines.paymentStatus, parsed.payment_status),
        parsed.company_id ? eq(opportunities.companyId, parsed.company_id) : undefined,
        parsed.opportunity_id ? eq(opportunities.id, parsed.opportunity_id) : undefined,
        parsed.opportunity_status ? eq(opportunities.status, parsed.opportunity_status) : undefined,
      ),
    )
    .orderBy(asc(opportunities.id), asc(productLines.sortOrder), asc(productLines.id))
    .limit(MAX_LINES + 1);
  const lines: LineWithOpportunity[] = rows.slice(0, MAX_LINES).map((row) => ({
    ...toLineView(row.line, row.product, row.workspaceDeposit, row.opportunity.currency, ctx.actor),
    opportunityName: row.opportunity.name,
    companyId: row.company?.id ?? null,
    companyName: row.company?.name ?? null,
  }));
  return { lines, truncated: rows.length > MAX_LINES };
}

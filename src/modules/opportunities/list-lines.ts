import { and, asc, eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { invoiceSettings, opportunities, productLines, products } from "../../db/schema/index.ts";
import { notFound } from "../../lib/errors.ts";
import { requireScope } from "../access/index.ts";
import { type LineView, toLineView } from "./line-view.ts";

/**
 * All lines of an opportunity (bounded by MAX_LINES_PER_OPPORTUNITY), in sort_order. One query, opportunity
 * left-joined to its lines, because this is the hottest read (the Products card, agents polling status).
 */
export async function listLines(ctx: Ctx, opportunityId: string): Promise<LineView[]> {
  requireScope(ctx.actor.scopes, "opportunities:read");
  const rows = await ctx.db
    .select({
      currency: opportunities.currency,
      line: productLines,
      productName: products.name,
      productDeposit: products.defaultDepositPercent,
      workspaceDeposit: invoiceSettings.defaultDepositPercent,
    })
    .from(opportunities)
    .leftJoin(productLines, eq(productLines.opportunityId, opportunities.id))
    .leftJoin(products, eq(products.id, productLines.productId))
    .leftJoin(invoiceSettings, eq(invoiceSettings.workspaceId, opportunities.workspaceId))
    .where(and(eq(opportunities.workspaceId, ctx.actor.workspaceId), eq(opportunities.id, opportunityId)))
    .orderBy(asc(productLines.sortOrder), asc(productLines.id));
  if (rows.length === 0) {
    throw notFound("opportunity", opportunityId);
  }
  return rows.flatMap((r) => {
    const product = { name: r.productName ?? "", defaultDepositPercent: r.productDeposit };
    return r.line ? [toLineView(r.line, product, r.workspaceDeposit, r.currency, ctx.actor)] : [];
  });
}

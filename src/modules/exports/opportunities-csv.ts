import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { companies, opportunities, productLines, products } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { nameContains } from "../crm/internal.ts";
import { csvLine } from "../imports/index.ts";
import { canSeePaymentStatus } from "../opportunities/index.ts";
import { EXPORT_BATCH, pagedCsv } from "./paged.ts";
import { ExportQuery } from "./schemas.ts";

const HEADER = [
  "id",
  "name",
  "company_id",
  "company",
  "currency",
  "stage",
  "status",
  "product_id",
  "product",
  "quantity",
  "unit_amount",
  "discount_percent",
  "deposit_percent",
  "tax_rate",
  "line_total_amount",
];

/**
 * Opportunities as CSV, one row per line (an opportunity without lines has one row with the line columns
 * empty), the shape POST /imports reads back. payment_status is a column only with invoices:read.
 */
export function opportunitiesCsv(ctx: Ctx, input: ExportQuery): AsyncGenerator<string> {
  const parsed = parseInput(ExportQuery, input);
  requireScope(ctx.actor.scopes, "opportunities:read");
  const withStatus = canSeePaymentStatus(ctx.actor);
  const ws = ctx.actor.workspaceId;
  return pagedCsv(
    csvLine(withStatus ? [...HEADER, "payment_status"] : HEADER),
    (before) =>
      ctx.db
        .select({
          id: opportunities.id,
          name: opportunities.name,
          companyId: opportunities.companyId,
          company: companies.name,
          currency: opportunities.currency,
          stage: opportunities.stage,
          status: opportunities.status,
        })
        .from(opportunities)
        .innerJoin(
          companies,
          and(eq(companies.workspaceId, opportunities.workspaceId), eq(companies.id, opportunities.companyId)),
        )
        .where(
          and(
            eq(opportunities.workspaceId, ws),
            nameContains(opportunities.name, parsed.q),
            before ? lt(opportunities.id, before) : undefined,
          ),
        )
        .orderBy(desc(opportunities.id))
        .limit(EXPORT_BATCH),
    async (rows) => {
      const lines = await ctx.db
        .select({
          opportunityId: productLines.opportunityId,
          productId: productLines.productId,
          product: products.name,
          quantity: productLines.quantity,
          unitAmount: productLines.unitAmount,
          discountPercent: productLines.discountPercent,
          depositPercent: productLines.depositPercent,
          taxRate: productLines.taxRate,
          lineTotalAmount: productLines.lineTotalAmount,
          paymentStatus: productLines.paymentStatus,
        })
        .from(productLines)
        .innerJoin(products, eq(products.id, productLines.productId))
        .where(
          and(
            eq(productLines.workspaceId, ws),
            inArray(
              productLines.opportunityId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(productLines.sortOrder), asc(productLines.id));
      const byOpportunity = new Map<string, typeof lines>();
      for (const line of lines) {
        byOpportunity.set(line.opportunityId, [...(byOpportunity.get(line.opportunityId) ?? []), line]);
      }
      return rows
        .map((o) => {
          const head = [o.id, o.name, o.companyId, o.company, o.currency, o.stage, o.status];
          const own = byOpportunity.get(o.id) ?? [];
          if (own.length === 0) return csvLine(head);
          return own
            .map((l) =>
              csvLine([
                ...head,
                l.productId,
                l.product,
                l.quantity,
                l.unitAmount,
                l.discountPercent,
                l.depositPercent,
                l.taxRate,
                l.lineTotalAmount,
                ...(withStatus ? [l.paymentStatus] : []),
              ]),
            )
            .join("");
        })
        .join("");
    },
  );
}

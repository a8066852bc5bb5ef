import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { opportunities, opportunityLineTotals } from "../../db/schema/index.ts";
import type { PipelineByStatus } from "./schemas.ts";

/**
 * Line totals (tax-exclusive) of open opportunities by their payment status, per currency. Read from
 * opportunity_line_totals, whose per-status amounts the line triggers keep exact with every line change, so
 * the sum runs over opportunities rather than every line of the workspace.
 */
export async function pipelineByStatus(db: DbOrTx, workspaceId: string): Promise<PipelineByStatus[]> {
  const rows = await db
    .select({
      currency: opportunities.currency,
      unpaid: sql<string>`coalesce(sum(${opportunityLineTotals.unpaidAmount}), 0)`,
      depositInvoiced: sql<string>`coalesce(sum(${opportunityLineTotals.depositInvoicedAmount}), 0)`,
      invoiced: sql<string>`coalesce(sum(${opportunityLineTotals.invoicedAmount}), 0)`,
      paid: sql<string>`coalesce(sum(${opportunityLineTotals.paidAmount}), 0)`,
    })
    .from(opportunityLineTotals)
    .innerJoin(
      opportunities,
      and(
        eq(opportunities.workspaceId, opportunityLineTotals.workspaceId),
        eq(opportunities.id, opportunityLineTotals.opportunityId),
      ),
    )
    .where(and(eq(opportunityLineTotals.workspaceId, workspaceId), eq(opportunities.status, "open")))
    .groupBy(opportunities.currency)
    .orderBy(opportunities.currency);
  return rows.map((r) => ({
    currency: r.currency,
    unpaidAmount: Number(r.unpaid),
    depositInvoicedAmount: Number(r.depositInvoiced),
    invoicedAmount: Number(r.invoiced),
    paidAmount: Number(r.paid),
  }));
}

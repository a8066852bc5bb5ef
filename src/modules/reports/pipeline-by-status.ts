import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { opportunities, productLines } from "../../db/schema/index.ts";
import type { PipelineByStatus } from "./schemas.ts";

/** Line totals (tax-exclusive) of open opportunities by their payment status, per currency. */
export async function pipelineByStatus(db: DbOrTx, workspaceId: string): Promise<PipelineByStatus[]> {
  const of = (status: string) =>
    sql<string>`coalesce(sum(case when ${productLines.paymentStatus} = ${status} then ${productLines.lineTotalAmount} else 0 end), 0)`;
  const rows = await db
    .select({
      currency: opportunities.currency,
      unpaid: of("unpaid"),
      depositInvoiced: of("deposit_invoiced"),
      invoiced: of("invoiced"),
      paid: of("paid"),
    })
    .from(productLines)
    .innerJoin(
      opportunities,
      and(eq(opportunities.workspaceId, productLines.workspaceId), eq(opportunities.id, productLines.opportunityId)),
    )
    .where(and(eq(productLines.workspaceId, workspaceId), eq(opportunities.status, "open")))
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

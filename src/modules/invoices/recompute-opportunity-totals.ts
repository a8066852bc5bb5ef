import { and, eq, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { invoices, opportunityInvoiceTotals } from "../../db/schema/invoices.ts";
import { opportunities } from "../../db/schema/opportunities.ts";

/**
 * Invoiced = totals of sent invoices (AUTHORISED or PAID), paid = amounts paid on them, in the opportunity's
 * currency. Idempotent: the job that runs it may run twice.
 */
export async function recomputeOpportunityTotals(
  db: DbOrTx,
  workspaceId: string,
  opportunityId: string,
): Promise<void> {
  const [opportunity] = await db
    .select({ currency: opportunities.currency })
    .from(opportunities)
    .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, opportunityId)));
  if (!opportunity) {
    return;
  }
  const [sums] = await db
    .select({
      invoiced: sql<string>`coalesce(sum(case when ${invoices.status} in ('AUTHORISED','PAID') then ${invoices.totalAmount} else 0 end), 0)`,
      paid: sql<string>`coalesce(sum(${invoices.amountPaidAmount}), 0)`,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.opportunityId, opportunityId),
        eq(invoices.currency, opportunity.currency),
        notInArray(invoices.status, ["VOIDED", "DELETED"]),
      ),
    );
  const values = {
    invoicedAmount: Number(sums?.invoiced ?? 0),
    paidAmount: Number(sums?.paid ?? 0),
    currency: opportunity.currency,
    updatedAt: new Date(),
  };
  await db
    .insert(opportunityInvoiceTotals)
    .values({ workspaceId, opportunityId, ...values })
    .onConflictDoUpdate({ target: opportunityInvoiceTotals.opportunityId, set: values });
}

import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { products } from "../../db/schema/crm.ts";
import { invoiceLines, invoices } from "../../db/schema/invoices.ts";
import { productLines } from "../../db/schema/opportunities.ts";
import { type EngineLine, effectiveDepositPercent, type TaxMode } from "./engine/index.ts";

/**
 * Deposits already billed per product line, on invoices that still count (not voided or deleted). Each deposit
 * is measured in its own invoice's tax mode (gross when inclusive, net when exclusive), which is the part of
 * the line total it billed; the workspace's current mode would miscount deposits raised before a mode change.
 */
async function depositsByLine(db: DbOrTx, opportunityId: string): Promise<Map<string, number>> {
  const billed = sql<string>`sum(${invoiceLines.amount} + case when ${invoices.taxMode} = 'inclusive' then ${invoiceLines.taxAmount} else 0 end)`;
  const rows = await db
    .select({ lineId: invoiceLines.productLineId, billed })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(
      and(
        eq(invoices.opportunityId, opportunityId),
        eq(invoices.billedPortion, "deposit"),
        notInArray(invoices.status, ["VOIDED", "DELETED"]),
      ),
    )
    .groupBy(invoiceLines.productLineId);
  return new Map(rows.filter((r) => r.lineId).map((r) => [r.lineId ?? "", Number(r.billed)]));
}

/** The opportunity's product lines in the engine's terms, in Products-card order. */
export async function loadEngineLines(
  db: DbOrTx,
  opportunityId: string,
  settings: { taxMode: TaxMode; defaultDepositPercent: string },
): Promise<EngineLine[]> {
  const rows = await db
    .select({
      line: productLines,
      productName: products.name,
      productDeposit: products.defaultDepositPercent,
      billing: products.billing,
    })
    .from(productLines)
    .innerJoin(products, eq(products.id, productLines.productId))
    .where(eq(productLines.opportunityId, opportunityId))
    .orderBy(asc(productLines.sortOrder), asc(productLines.id));
  const deposits = await depositsByLine(db, opportunityId);
  return rows.map(({ line, productName, productDeposit, billing }) => ({
    id: line.id,
    description: productName,
    status: line.paymentStatus,
    quantity: line.quantity,
    unitAmount: line.unitAmount,
    discountPercent: line.discountPercent,
    taxRate: line.taxRate,
    depositPercent: effectiveDepositPercent(
      line,
      { defaultDepositPercent: productDeposit },
      settings.defaultDepositPercent,
    ),
    billing,
    depositsInvoicedAmount: deposits.get(line.id) ?? 0,
  }));
}

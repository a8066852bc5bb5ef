import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { productLines, products } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { canonicalDecimal, MoneyError } from "../../lib/money.ts";
import { hasScope } from "../access/index.ts";
import { EngineError, lineTotal, type PaymentStatus } from "../invoices/engine/index.ts";

type LineRow = typeof productLines.$inferSelect;

/** paymentStatus is absent (not null) when the actor lacks invoices:read: every surface strips it here. */
export type LineView = Omit<LineRow, "paymentStatus" | "workspaceId"> & {
  productName: string;
  currency: string;
  lineTotalAmount: number;
  paymentStatus?: PaymentStatus;
};

export function canSeePaymentStatus(actor: Actor): boolean {
  return hasScope(actor.scopes, "invoices:read");
}

export function toLineView(row: LineRow, productName: string, currency: string, actor: Actor): LineView {
  const { paymentStatus, workspaceId: _ws, ...rest } = row;
  const quantity = canonicalDecimal(row.quantity);
  const discountPercent = canonicalDecimal(row.discountPercent);
  return {
    ...rest,
    quantity,
    discountPercent,
    depositPercent: row.depositPercent === null ? null : canonicalDecimal(row.depositPercent),
    taxRate: canonicalDecimal(row.taxRate),
    productName,
    currency,
    lineTotalAmount: lineTotal({ quantity, unitAmount: row.unitAmount, discountPercent }),
    ...(canSeePaymentStatus(actor) ? { paymentStatus } : {}),
  };
}

/** Lines of several opportunities in one query, grouped by opportunity and ordered by sort_order. */
export async function loadLines(
  db: DbOrTx,
  actor: Actor,
  opportunityCurrency: ReadonlyMap<string, string>,
): Promise<Map<string, LineView[]>> {
  const ids = [...opportunityCurrency.keys()];
  const grouped = new Map<string, LineView[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) {
    return grouped;
  }
  const rows = await db
    .select({ line: productLines, productName: products.name })
    .from(productLines)
    .innerJoin(products, eq(products.id, productLines.productId))
    .where(and(eq(productLines.workspaceId, actor.workspaceId), inArray(productLines.opportunityId, ids)))
    .orderBy(asc(productLines.opportunityId), asc(productLines.sortOrder), asc(productLines.id));
  for (const { line, productName } of rows) {
    const currency = opportunityCurrency.get(line.opportunityId) ?? "";
    grouped.get(line.opportunityId)?.push(toLineView(line, productName, currency, actor));
  }
  return grouped;
}

/** Refuses prices whose total would leave the safe range of minor units, before anything is stored. */
export function assertPriceable(line: { quantity: string; unitAmount: number; discountPercent: string }): void {
  try {
    lineTotal(line);
  } catch (error) {
    if (error instanceof MoneyError || error instanceof EngineError) {
      throw new AppError("invalid_input", `This line cannot be priced: ${error.message}`, {
        issues: [{ field: "quantity", message: "quantity × unit_amount is too large" }],
      });
    }
    throw error;
  }
}

import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { invoiceSettings, productLines, products } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { canonicalDecimal, MoneyError, percentOf } from "../../lib/money.ts";
import { hasScope } from "../access/index.ts";
import { EngineError, effectiveDepositPercent, lineTotal, type PaymentStatus } from "../invoices/engine/index.ts";

type LineRow = typeof productLines.$inferSelect;

/** paymentStatus is absent (not null) when the actor lacks invoices:read: every surface strips it here. */
export type LineView = Omit<LineRow, "paymentStatus" | "workspaceId"> & {
  productName: string;
  currency: string;
  lineTotalAmount: number;
  /** The deposit % invoicing will use: the line's override, else the product's, else the workspace's. */
  effectiveDepositPercent: string;
  /** line total × effective deposit %, as a deposit invoice would bill it (before deposits already billed). */
  depositAmount: number;
  paymentStatus?: PaymentStatus;
};

export function canSeePaymentStatus(actor: Actor): boolean {
  return hasScope(actor.scopes, "invoices:read");
}

export type LineProduct = { name: string; defaultDepositPercent: string | null };

export function toLineView(
  row: LineRow,
  product: LineProduct,
  workspaceDeposit: string | null,
  currency: string,
  actor: Actor,
): LineView {
  const { paymentStatus, workspaceId: _ws, ...rest } = row;
  const quantity = canonicalDecimal(row.quantity);
  const discountPercent = canonicalDecimal(row.discountPercent);
  const total = lineTotal({ quantity, unitAmount: row.unitAmount, discountPercent });
  const deposit = effectiveDepositPercent(row, product, workspaceDeposit ?? "0");
  return {
    ...rest,
    quantity,
    discountPercent,
    depositPercent: row.depositPercent === null ? null : canonicalDecimal(row.depositPercent),
    taxRate: canonicalDecimal(row.taxRate),
    productName: product.name,
    currency,
    effectiveDepositPercent: deposit,
    depositAmount: percentOf(total, deposit),
    lineTotalAmount: total,
    ...(canSeePaymentStatus(actor) ? { paymentStatus } : {}),
  };
}

/** A line with what its view needs (product name and deposit defaults); callers add the where clause. */
export function selectLineRows(db: DbOrTx) {
  return db
    .select({
      line: productLines,
      product: { name: products.name, defaultDepositPercent: products.defaultDepositPercent },
      workspaceDeposit: invoiceSettings.defaultDepositPercent,
    })
    .from(productLines)
    .innerJoin(products, eq(products.id, productLines.productId))
    .leftJoin(invoiceSettings, eq(invoiceSettings.workspaceId, productLines.workspaceId));
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
  const rows = await selectLineRows(db)
    .where(and(eq(productLines.workspaceId, actor.workspaceId), inArray(productLines.opportunityId, ids)))
    .orderBy(asc(productLines.opportunityId), asc(productLines.sortOrder), asc(productLines.id));
  for (const { line, product, workspaceDeposit } of rows) {
    const currency = opportunityCurrency.get(line.opportunityId) ?? "";
    grouped.get(line.opportunityId)?.push(toLineView(line, product, workspaceDeposit, currency, actor));
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

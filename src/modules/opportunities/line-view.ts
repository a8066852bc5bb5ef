import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "../../context.ts";
import { type DbOrTx, preparedQuery } from "../../db/client.ts";
import { invoiceSettings, opportunities, productLines, products } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { assertMinor, MoneyError } from "../../lib/money.ts";
import { hasScope } from "../access/index.ts";
import { EngineError, lineTotal, type PaymentStatus } from "../invoices/engine/index.ts";

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

/** A line as the line queries read it: decimals already canonical, amounts already computed. */
export type LineRecord = Omit<LineView, "productName" | "currency" | "paymentStatus"> & {
  paymentStatus: PaymentStatus;
};

export function canSeePaymentStatus(actor: Actor): boolean {
  return hasScope(actor.scopes, "invoices:read");
}

/** Line override, else product default, else workspace default (effectiveDepositPercent, for the database). */
const effectiveDepositSql = sql`coalesce(${productLines.depositPercent}, ${products.defaultDepositPercent}, ${invoiceSettings.defaultDepositPercent}, 0)`;

/** Minor units summed or rounded by the database, refused (as money.ts refuses them) beyond safe integers. */
export function minorFromDatabase(value: unknown): number {
  const minor = Number(value);
  assertMinor(minor, "amount");
  return minor;
}

/** numeric columns as canonical decimal text ("2.5000" → "2.5"), as canonicalDecimal writes them. */
function canonical(column: AnyPgColumn | SQL): SQL<string> {
  return sql<string>`trim_scale(${column})::text`;
}

/**
 * The columns a line view is built from. Decimals come back canonical, the line total as stored, and the
 * effective deposit % and deposit amount computed (percentOf: round(total × % / 100), half away from zero), so
 * mapping a line only copies fields. Needs products and invoice_settings joined.
 */
export function lineFields() {
  return {
    id: productLines.id,
    opportunityId: productLines.opportunityId,
    productId: productLines.productId,
    quantity: canonical(productLines.quantity),
    unitAmount: productLines.unitAmount,
    discountPercent: canonical(productLines.discountPercent),
    depositPercent: sql<string | null>`trim_scale(${productLines.depositPercent})::text`,
    taxRate: canonical(productLines.taxRate),
    sortOrder: productLines.sortOrder,
    paymentStatus: productLines.paymentStatus,
    createdAt: productLines.createdAt,
    updatedAt: productLines.updatedAt,
    lineTotalAmount: productLines.lineTotalAmount,
    effectiveDepositPercent: canonical(effectiveDepositSql),
    depositAmount: sql<number>`round(${productLines.lineTotalAmount} * ${effectiveDepositSql} * 0.01)`.mapWith(
      minorFromDatabase,
    ),
  };
}

/**
 * The one place a line becomes what callers see, payment status stripped without invoices:read.
 * `product` and `workspaceDeposit` are as selectLineRows reads them; the query has already applied the deposit
 * defaults, so only the product's name is taken here.
 */
export function toLineView(
  row: LineRecord,
  product: { name: string },
  _workspaceDeposit: string | null,
  currency: string,
  actor: Actor,
): LineView {
  // One literal of fixed shape: lists build thousands of these, and spreading costs several times more.
  const view: LineView = {
    id: row.id,
    opportunityId: row.opportunityId,
    productId: row.productId,
    productName: product.name,
    currency,
    quantity: row.quantity,
    unitAmount: row.unitAmount,
    discountPercent: row.discountPercent,
    depositPercent: row.depositPercent,
    effectiveDepositPercent: row.effectiveDepositPercent,
    depositAmount: row.depositAmount,
    taxRate: row.taxRate,
    sortOrder: row.sortOrder,
    lineTotalAmount: row.lineTotalAmount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  if (canSeePaymentStatus(actor)) {
    view.paymentStatus = row.paymentStatus;
  }
  return view;
}

/** Lines with what their views need (product name, deposit defaults applied); callers add the where clause. */
export function selectLineRows(db: DbOrTx) {
  return db
    .select({
      line: lineFields(),
      product: { name: products.name },
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

/** A line as readOpportunityLines receives it: one JSON object per line, timestamps as ISO text. */
type LineJson = Omit<LineRecord, "createdAt" | "updatedAt"> & {
  productName: string;
  createdAt: string;
  updatedAt: string;
};

/**
 * All lines of one opportunity in sort_order, or null when the workspace has no such opportunity. This is the
 * hottest read (the Products card, agents polling payment status), so it is one prepared query answering one
 * row: the opportunity with its lines aggregated into JSON by the database, which both drivers parse natively
 * instead of field by field.
 */
export async function readOpportunityLines(
  db: DbOrTx,
  actor: Actor,
  opportunityId: string,
): Promise<LineView[] | null> {
  const query = preparedQuery(db, "opportunity_lines", (d) => {
    const fields = { ...lineFields(), productName: products.name };
    const line = sql.join(
      Object.entries(fields).map(([key, value]) => sql`${sql.raw(`'${key}'`)}, ${value}`),
      sql`, `,
    );
    const lines = d
      .select({
        lines: sql`coalesce(json_agg(json_build_object(${line}) order by ${productLines.sortOrder}, ${productLines.id}), '[]')`,
      })
      .from(productLines)
      .innerJoin(products, eq(products.id, productLines.productId))
      .where(
        and(eq(productLines.workspaceId, opportunities.workspaceId), eq(productLines.opportunityId, opportunities.id)),
      );
    return d
      .select({ currency: opportunities.currency, lines: sql<LineJson[]>`(${lines})` })
      .from(opportunities)
      .leftJoin(invoiceSettings, eq(invoiceSettings.workspaceId, opportunities.workspaceId))
      .where(
        and(
          eq(opportunities.workspaceId, sql.placeholder("workspaceId")),
          eq(opportunities.id, sql.placeholder("opportunityId")),
        ),
      );
  });
  const [row] = await query.execute({ workspaceId: actor.workspaceId, opportunityId });
  if (!row) {
    return null;
  }
  return row.lines.map((line) => {
    const record: LineRecord = {
      id: line.id,
      opportunityId: line.opportunityId,
      productId: line.productId,
      quantity: line.quantity,
      unitAmount: line.unitAmount,
      discountPercent: line.discountPercent,
      depositPercent: line.depositPercent,
      effectiveDepositPercent: line.effectiveDepositPercent,
      depositAmount: line.depositAmount,
      taxRate: line.taxRate,
      sortOrder: line.sortOrder,
      lineTotalAmount: line.lineTotalAmount,
      paymentStatus: line.paymentStatus,
      createdAt: new Date(line.createdAt),
      updatedAt: new Date(line.updatedAt),
    };
    return toLineView(record, { name: line.productName }, null, row.currency, actor);
  });
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

import { and, eq } from "drizzle-orm";
import type { Actor } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { invoiceSettings, productLines, products } from "../../db/schema/index.ts";
import { notFound } from "../../lib/errors.ts";
import { type LineView, toLineView } from "./line-view.ts";

/** One line of one opportunity as callers see it; no scope check (verbs have done theirs). */
export async function readLine(
  db: DbOrTx,
  actor: Actor,
  opportunity: { id: string; currency: string },
  lineId: string,
): Promise<LineView> {
  const [row] = await db
    .select({
      line: productLines,
      product: { name: products.name, defaultDepositPercent: products.defaultDepositPercent },
      workspaceDeposit: invoiceSettings.defaultDepositPercent,
    })
    .from(productLines)
    .innerJoin(products, eq(products.id, productLines.productId))
    .leftJoin(invoiceSettings, eq(invoiceSettings.workspaceId, productLines.workspaceId))
    .where(
      and(
        eq(productLines.workspaceId, actor.workspaceId),
        eq(productLines.opportunityId, opportunity.id),
        eq(productLines.id, lineId),
      ),
    );
  if (!row) {
    throw notFound("product line", lineId);
  }
  return toLineView(row.line, row.product, row.workspaceDeposit, opportunity.currency, actor);
}

import { count, eq, max } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { opportunities, productLines } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getProductOrThrow, withReference } from "../crm/index.ts";
import { getOpportunityOrThrow, MAX_LINES_PER_OPPORTUNITY } from "./internal.ts";
import { assertPriceable, type LineView } from "./line-view.ts";
import { readLine } from "./read-line.ts";
import { AddLineCommand } from "./schemas.ts";
import { applyManualStatus } from "./set-payment-status.ts";

/**
 * Adds a product to an opportunity. Price, tax rate and deposit % default to the product's; a starting
 * payment_status other than unpaid is a manual change (needs invoices:write, checked before anything is written).
 */
export async function addLine(ctx: Ctx, input: AddLineCommand): Promise<LineView> {
  const parsed = parseInput(AddLineCommand, input);
  requireScope(ctx.actor.scopes, "opportunities:write");
  if (parsed.payment_status !== undefined) {
    requireScope(ctx.actor.scopes, "invoices:write");
  }
  return withTransaction(ctx, async (tx) => {
    const opportunity = await getOpportunityOrThrow(tx, ctx.actor.workspaceId, parsed.opportunity_id);
    const product = await withReference("product_id", () =>
      getProductOrThrow(tx, ctx.actor.workspaceId, parsed.product_id),
    );
    if (parsed.unit_amount === undefined && product.currency !== opportunity.currency) {
      throw new AppError("invalid_input", `The product is priced in ${product.currency}.`, {
        issues: [{ field: "unit_amount", message: `required: give the price in ${opportunity.currency} minor units` }],
      });
    }
    // Lines are added one at a time per opportunity, so two adds never share a sort_order or pass the cap.
    await tx
      .select({ id: opportunities.id })
      .from(opportunities)
      .where(eq(opportunities.id, opportunity.id))
      .for("no key update");
    const [stats] = await tx
      .select({ n: count(), top: max(productLines.sortOrder) })
      .from(productLines)
      .where(eq(productLines.opportunityId, opportunity.id));
    if ((stats?.n ?? 0) >= MAX_LINES_PER_OPPORTUNITY) {
      throw new AppError("conflict", `An opportunity holds at most ${MAX_LINES_PER_OPPORTUNITY} product lines.`);
    }
    const line = {
      quantity: parsed.quantity ?? "1",
      unitAmount: parsed.unit_amount ?? product.unitAmount,
      discountPercent: parsed.discount_percent ?? "0",
    };
    assertPriceable(line);
    const id = newId("productLine", ctx.clock.now());
    await tx.insert(productLines).values({
      id,
      workspaceId: ctx.actor.workspaceId,
      opportunityId: opportunity.id,
      productId: product.id,
      ...line,
      depositPercent: parsed.deposit_percent ?? null,
      taxRate: parsed.tax_rate ?? product.taxRate,
      sortOrder: parsed.sort_order ?? (stats?.top ?? -1) + 1,
    });
    if (parsed.payment_status !== undefined) {
      await applyManualStatus(tx, ctx, id, parsed.payment_status);
    }
    return readLine(tx, ctx.actor, opportunity, id);
  });
}

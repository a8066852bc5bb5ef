import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { productLines } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getLineOrThrow, getOpportunityOrThrow } from "./internal.ts";
import { assertPriceable, type LineView } from "./line-view.ts";
import { readLine } from "./read-line.ts";
import { UpdateLineCommand } from "./schemas.ts";
import { applyManualStatus } from "./set-payment-status.ts";

/** Edits a line; payment_status is a manual change and needs invoices:write, checked before any write. */
export async function updateLine(ctx: Ctx, input: UpdateLineCommand): Promise<LineView> {
  const {
    opportunity_id: opportunityId,
    line_id: lineId,
    payment_status: status,
    ...fields
  } = parseInput(UpdateLineCommand, input);
  requireScope(ctx.actor.scopes, "opportunities:write");
  if (status !== undefined) {
    requireScope(ctx.actor.scopes, "invoices:write");
  }
  return withTransaction(ctx, async (tx) => {
    const opportunity = await getOpportunityOrThrow(tx, ctx.actor.workspaceId, opportunityId);
    const line = await getLineOrThrow(tx, ctx.actor.workspaceId, opportunity.id, lineId);
    const priced = {
      quantity: fields.quantity ?? line.quantity,
      unitAmount: fields.unit_amount ?? line.unitAmount,
      discountPercent: fields.discount_percent ?? line.discountPercent,
    };
    assertPriceable(priced);
    await tx
      .update(productLines)
      .set({
        ...priced,
        depositPercent: fields.deposit_percent,
        taxRate: fields.tax_rate,
        sortOrder: fields.sort_order,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(productLines.id, line.id));
    if (status !== undefined) {
      await applyManualStatus(tx, ctx, line.id, status);
    }
    return readLine(tx, ctx.actor, opportunity, line.id);
  });
}

import { and, eq, inArray } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { invoiceLines, invoices, productLines } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getLineOrThrow, getOpportunityOrThrow } from "./internal.ts";
import { LineRef } from "./schemas.ts";

/**
 * The line's payment status history is kept. A line billed on a sent or paid invoice stays: the invoice is a
 * financial record of it. Drafts and voided invoices do not hold it.
 */
export async function removeLine(ctx: Ctx, input: LineRef): Promise<void> {
  const parsed = parseInput(LineRef, input);
  requireScope(ctx.actor.scopes, "opportunities:write");
  await withTransaction(ctx, async (tx) => {
    const opportunity = await getOpportunityOrThrow(tx, ctx.actor.workspaceId, parsed.opportunity_id);
    const line = await getLineOrThrow(tx, ctx.actor.workspaceId, opportunity.id, parsed.line_id);
    const [billed] = await tx
      .select({ number: invoices.number })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(
        and(eq(invoiceLines.productLineId, line.id), inArray(invoices.status, ["SUBMITTED", "AUTHORISED", "PAID"])),
      )
      .limit(1);
    if (billed) {
      throw new AppError("conflict", `This line is billed on invoice ${billed.number}; it cannot be removed.`, {
        fix: "Void the invoice first, or keep the line and correct its quantity or status.",
      });
    }
    await tx.delete(productLines).where(eq(productLines.id, line.id));
  });
}

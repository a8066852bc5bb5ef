import { and, asc, eq, gt } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { paymentStatusHistory } from "../../db/schema/index.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getLineOrThrow, getOpportunityOrThrow } from "./internal.ts";
import { ListPaymentStatusHistoryInput } from "./schemas.ts";

/** Oldest first, so the page reads as the line's story. */
export async function listPaymentStatusHistory(ctx: Ctx, input: ListPaymentStatusHistoryInput) {
  // Parsed here, not only by the transports: a missing limit would otherwise reach SQL as LIMIT NaN.
  const page = parseInput(ListPaymentStatusHistoryInput, input);
  requireScope(ctx.actor.scopes, "opportunities:read");
  requireScope(ctx.actor.scopes, "invoices:read");
  const opportunity = await getOpportunityOrThrow(ctx.db, ctx.actor.workspaceId, page.opportunity_id);
  const line = await getLineOrThrow(ctx.db, ctx.actor.workspaceId, opportunity.id, page.line_id);
  const after = decodeCursor(page.cursor);
  const rows = await ctx.db
    .select()
    .from(paymentStatusHistory)
    .where(
      and(
        eq(paymentStatusHistory.workspaceId, ctx.actor.workspaceId),
        eq(paymentStatusHistory.lineId, line.id),
        after ? gt(paymentStatusHistory.id, after) : undefined,
      ),
    )
    .orderBy(asc(paymentStatusHistory.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit);
}

import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { productLines } from "../../db/schema/index.ts";
import { requireScope } from "../access/index.ts";
import { getLineOrThrow, getOpportunityOrThrow } from "./internal.ts";

/** The line's payment status history is kept. */
export async function removeLine(ctx: Ctx, opportunityId: string, lineId: string): Promise<void> {
  requireScope(ctx.actor.scopes, "opportunities:write");
  await withTransaction(ctx, async (tx) => {
    const opportunity = await getOpportunityOrThrow(tx, ctx.actor.workspaceId, opportunityId);
    const line = await getLineOrThrow(tx, ctx.actor.workspaceId, opportunity.id, lineId);
    await tx.delete(productLines).where(eq(productLines.id, line.id));
  });
}

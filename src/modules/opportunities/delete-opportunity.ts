import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { invoices, opportunities } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { RecordRef } from "../crm/fields.ts";
import { getOpportunityOrThrow } from "./internal.ts";

/** Deletes its lines too; their payment status history stays (append-only audit). Refused once invoiced. */
export async function deleteOpportunity(ctx: Ctx, input: RecordRef): Promise<void> {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "opportunities:delete");
  await withTransaction(ctx, async (tx) => {
    const row = await getOpportunityOrThrow(tx, ctx.actor.workspaceId, id);
    const [invoice] = await tx
      .select({ number: invoices.number })
      .from(invoices)
      .where(eq(invoices.opportunityId, row.id))
      .limit(1);
    if (invoice) {
      // Invoices are financial records: they outlive neither silently nor by cascade.
      throw new AppError("conflict", `This opportunity has invoices (${invoice.number}); it cannot be deleted.`, {
        fix: "Set its status to lost instead; invoices stay on it as financial records.",
      });
    }
    await tx.delete(opportunities).where(eq(opportunities.id, row.id));
  });
}

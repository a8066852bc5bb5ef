import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { xeroRepeatingInvoices } from "../../db/schema/invoices.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { xeroLedger } from "../integrations/index.ts";

/**
 * Deletes the template in Xero first, then here; the invoices it already raised stay. Pausing or editing a
 * schedule is done in Xero (the card links there).
 */
export async function deleteXeroRepeatingInvoice(ctx: Ctx, input: { id: string }): Promise<void> {
  const id = parseInput(RecordId, input.id);
  requireScope(ctx.actor.scopes, "invoices:write");
  const where = and(eq(xeroRepeatingInvoices.workspaceId, ctx.actor.workspaceId), eq(xeroRepeatingInvoices.id, id));
  const [row] = await ctx.db.select().from(xeroRepeatingInvoices).where(where);
  if (!row || row.status === "DELETED") throw notFound("repeating invoice", id);
  if (row.externalId) {
    const { ledger, tenantId } = await xeroLedger(ctx);
    if (tenantId !== row.xeroTenantId) {
      throw new AppError("precondition_failed", "This repeating invoice belongs to another Xero organisation.", {
        fix: "Delete it in that organisation in Xero.",
      });
    }
    await ledger.deleteRepeatingInvoice(row.externalId);
  }
  await ctx.db.update(xeroRepeatingInvoices).set({ status: "DELETED", updatedAt: ctx.clock.now() }).where(where);
}

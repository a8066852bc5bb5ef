import { and, desc, eq, ne } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { xeroRepeatingInvoices } from "../../db/schema/invoices.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getOpportunityOrThrow } from "../opportunities/internal.ts";
import type { XeroRepeatingInvoiceRow } from "./create-xero-repeating-invoice.ts";

/** An opportunity's live Xero repeating invoices (deleted templates are gone from the card), newest first. */
export async function listXeroRepeatingInvoices(
  ctx: Ctx,
  input: { opportunity_id: string },
): Promise<XeroRepeatingInvoiceRow[]> {
  const opportunityId = parseInput(RecordId, input.opportunity_id);
  requireScope(ctx.actor.scopes, "invoices:read");
  await getOpportunityOrThrow(ctx.db, ctx.actor.workspaceId, opportunityId);
  return ctx.db
    .select()
    .from(xeroRepeatingInvoices)
    .where(
      and(
        eq(xeroRepeatingInvoices.workspaceId, ctx.actor.workspaceId),
        eq(xeroRepeatingInvoices.opportunityId, opportunityId),
        ne(xeroRepeatingInvoices.status, "DELETED"),
      ),
    )
    .orderBy(desc(xeroRepeatingInvoices.id));
}

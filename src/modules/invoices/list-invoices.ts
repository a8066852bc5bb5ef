import { and, asc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { invoiceLines, invoices } from "../../db/schema/invoices.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { OpportunityRef } from "../opportunities/index.ts";
import { getOpportunityOrThrow } from "../opportunities/internal.ts";
import type { InvoiceWithLines } from "./internal.ts";
import { paymentLinksOf } from "./payment-links-of.ts";

/** Every invoice of one opportunity, oldest first, with lines (an opportunity has few invoices). */
export async function listOpportunityInvoices(ctx: Ctx, input: OpportunityRef): Promise<InvoiceWithLines[]> {
  const { opportunity_id: opportunityId } = parseInput(OpportunityRef, input);
  requireScope(ctx.actor.scopes, "invoices:read");
  await getOpportunityOrThrow(ctx.db, ctx.actor.workspaceId, opportunityId);
  const rows = await ctx.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.workspaceId, ctx.actor.workspaceId), eq(invoices.opportunityId, opportunityId)))
    .orderBy(asc(invoices.id));
  if (rows.length === 0) {
    return [];
  }
  const lines = await ctx.db
    .select()
    .from(invoiceLines)
    .where(
      inArray(
        invoiceLines.invoiceId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(invoiceLines.sortOrder));
  const links = await paymentLinksOf(
    ctx.db,
    ctx.actor.workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    lines: lines.filter((l) => l.invoiceId === r.id),
    paymentLink: links.get(r.id) ?? null,
  }));
}

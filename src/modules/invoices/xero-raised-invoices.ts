import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { companies } from "../../db/schema/crm.ts";
import { opportunityPayerCompanies, xeroRaisedInvoices } from "../../db/schema/xero-sync.ts";
import { notFound } from "../../lib/errors.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getOpportunityOrThrow } from "../opportunities/internal.ts";

export type XeroRaisedInvoiceView = typeof xeroRaisedInvoices.$inferSelect & {
  companyId: string;
  companyName: string;
  /** Billed to a payer company rather than the opportunity's client. */
  payer: boolean;
};

/**
 * Invoices raised in Xero (not by Settle) for the opportunity's company and its payer companies: shown in its
 * Invoices section, labelled by company; one pinned to another opportunity is not pulled in.
 */
export async function listXeroRaisedInvoices(
  ctx: Ctx,
  input: { opportunity_id: string },
): Promise<XeroRaisedInvoiceView[]> {
  const opportunityId = parseInput(RecordId, input.opportunity_id);
  requireScope(ctx.actor.scopes, "invoices:read");
  const workspaceId = ctx.actor.workspaceId;
  const opportunity = await getOpportunityOrThrow(ctx.db, workspaceId, opportunityId);
  const payers = await ctx.db
    .select({ companyId: opportunityPayerCompanies.companyId })
    .from(opportunityPayerCompanies)
    .where(
      and(
        eq(opportunityPayerCompanies.workspaceId, workspaceId),
        eq(opportunityPayerCompanies.opportunityId, opportunityId),
      ),
    );
  const companyIds = [...(opportunity.companyId ? [opportunity.companyId] : []), ...payers.map((p) => p.companyId)];
  if (companyIds.length === 0) return [];
  const rows = await ctx.db
    .select({ invoice: xeroRaisedInvoices, companyId: companies.id, companyName: companies.name })
    .from(xeroRaisedInvoices)
    .innerJoin(
      companies,
      and(
        eq(companies.workspaceId, xeroRaisedInvoices.workspaceId),
        eq(sql`lower(${companies.xeroContactId})`, xeroRaisedInvoices.contactId),
        eq(companies.xeroTenantId, xeroRaisedInvoices.tenantId),
      ),
    )
    .where(
      and(
        eq(xeroRaisedInvoices.workspaceId, workspaceId),
        or(
          eq(xeroRaisedInvoices.pinnedOpportunityId, opportunityId),
          and(isNull(xeroRaisedInvoices.pinnedOpportunityId), inArray(companies.id, companyIds)),
        ),
      ),
    )
    .orderBy(desc(xeroRaisedInvoices.issueDate), desc(xeroRaisedInvoices.number));
  return rows.map((r) => ({
    ...r.invoice,
    companyId: r.companyId,
    companyName: r.companyName,
    payer: r.companyId !== opportunity.companyId,
  }));
}

const PinInput = z.strictObject({
  xero_invoice_id: z.string().min(1).max(64),
  opportunity_id: RecordId.nullable(),
});

/** Pins an invoice raised in Xero to one opportunity (null unpins it); others then no longer show it. */
export async function pinXeroRaisedInvoice(ctx: Ctx, input: z.input<typeof PinInput>) {
  const parsed = parseInput(PinInput, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  const workspaceId = ctx.actor.workspaceId;
  if (parsed.opportunity_id) await getOpportunityOrThrow(ctx.db, workspaceId, parsed.opportunity_id);
  const [row] = await ctx.db
    .update(xeroRaisedInvoices)
    .set({ pinnedOpportunityId: parsed.opportunity_id, updatedAt: ctx.clock.now() })
    .where(
      and(
        eq(xeroRaisedInvoices.workspaceId, workspaceId),
        eq(xeroRaisedInvoices.externalId, parsed.xero_invoice_id.toLowerCase()),
      ),
    )
    .returning();
  if (!row) throw notFound("xero invoice", parsed.xero_invoice_id);
  return row;
}

import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { companies } from "../../db/schema/crm.ts";
import { opportunityPayerCompanies } from "../../db/schema/xero-sync.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getCompanyOrThrow, withReference } from "../crm/index.ts";
import { getOpportunityOrThrow } from "../opportunities/internal.ts";

const PayerInput = z.strictObject({ opportunity_id: RecordId, company_id: RecordId });

export type PayerCompany = { id: string; name: string; xeroContactId: string | null };

/** The companies that pay an opportunity's bills besides its client (SPEC §4.6), by name. */
export async function listPayerCompanies(ctx: Ctx, input: { opportunity_id: string }): Promise<PayerCompany[]> {
  const opportunityId = parseInput(RecordId, input.opportunity_id);
  requireScope(ctx.actor.scopes, "invoices:read");
  const workspaceId = ctx.actor.workspaceId;
  await getOpportunityOrThrow(ctx.db, workspaceId, opportunityId);
  return ctx.db
    .select({ id: companies.id, name: companies.name, xeroContactId: companies.xeroContactId })
    .from(opportunityPayerCompanies)
    .innerJoin(companies, eq(companies.id, opportunityPayerCompanies.companyId))
    .where(
      and(
        eq(opportunityPayerCompanies.workspaceId, workspaceId),
        eq(opportunityPayerCompanies.opportunityId, opportunityId),
      ),
    )
    .orderBy(asc(companies.name));
}

/** Adds a payer company; adding one twice changes nothing. The client does not change. */
export async function addPayerCompany(ctx: Ctx, input: z.input<typeof PayerInput>): Promise<PayerCompany[]> {
  const parsed = parseInput(PayerInput, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  const workspaceId = ctx.actor.workspaceId;
  await getOpportunityOrThrow(ctx.db, workspaceId, parsed.opportunity_id);
  await withReference("company_id", () => getCompanyOrThrow(ctx.db, workspaceId, parsed.company_id));
  await ctx.db
    .insert(opportunityPayerCompanies)
    .values({ workspaceId, opportunityId: parsed.opportunity_id, companyId: parsed.company_id })
    .onConflictDoNothing();
  return listPayerCompanies(ctx, { opportunity_id: parsed.opportunity_id });
}

export async function removePayerCompany(ctx: Ctx, input: z.input<typeof PayerInput>): Promise<PayerCompany[]> {
  const parsed = parseInput(PayerInput, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  const workspaceId = ctx.actor.workspaceId;
  await getOpportunityOrThrow(ctx.db, workspaceId, parsed.opportunity_id);
  await ctx.db
    .delete(opportunityPayerCompanies)
    .where(
      and(
        eq(opportunityPayerCompanies.workspaceId, workspaceId),
        eq(opportunityPayerCompanies.opportunityId, parsed.opportunity_id),
        eq(opportunityPayerCompanies.companyId, parsed.company_id),
      ),
    );
  return listPayerCompanies(ctx, { opportunity_id: parsed.opportunity_id });
}

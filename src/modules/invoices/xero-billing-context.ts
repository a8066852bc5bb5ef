import { eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { xeroTaxMappings } from "../../db/schema/integrations.ts";
import { AppError } from "../../lib/errors.ts";
import { getCompanyOrThrow } from "../crm/index.ts";
import { type XeroSession, xeroLedger } from "../integrations/index.ts";
import { getOpportunityOrThrow } from "../opportunities/internal.ts";

export type XeroBillingContext = {
  opportunity: Awaited<ReturnType<typeof getOpportunityOrThrow>>;
  session: XeroSession;
  /** The company's Xero contact in the organisation connected now. */
  contactId: string;
  taxMappings: { taxRate: string; taxType: string }[];
};

/**
 * What raising any Xero invoice for an opportunity needs, checked once: a live connection, the company linked
 * to a contact in *this* organisation (a link made in another one is refused), and the tax mapping.
 */
export async function xeroBillingContext(ctx: Ctx, opportunityId: string): Promise<XeroBillingContext> {
  const workspaceId = ctx.actor.workspaceId;
  const opportunity = await getOpportunityOrThrow(ctx.db, workspaceId, opportunityId);
  const session = await xeroLedger(ctx, { recordId: opportunityId });
  const company = await getCompanyOrThrow(ctx.db, workspaceId, opportunity.companyId);
  if (!company.xeroContactId || (company.xeroTenantId && company.xeroTenantId !== session.tenantId)) {
    throw new AppError(
      "precondition_failed",
      `${company.name} is not linked to a contact in ${session.connection.tenantName}.`,
      { fix: "In the opportunity's Invoices section choose Add Contact → New Contact or Link Existing." },
    );
  }
  const taxMappings = await ctx.db
    .select({ taxRate: xeroTaxMappings.taxRate, taxType: xeroTaxMappings.taxType })
    .from(xeroTaxMappings)
    .where(eq(xeroTaxMappings.workspaceId, workspaceId));
  return { opportunity, session, contactId: company.xeroContactId, taxMappings };
}

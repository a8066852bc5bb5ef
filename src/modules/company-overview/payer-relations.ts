import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  companies,
  type OpportunityStatus,
  opportunities,
  opportunityLineTotals,
  opportunityPayerCompanies,
} from "../../db/schema/index.ts";

/** An opportunity of another client that this company pays bills for, as a payer company (SPEC §4.6). */
export type PayerRelation = {
  opportunityId: string;
  opportunityName: string;
  clientId: string;
  clientName: string;
  currency: string;
  status: OpportunityStatus;
  totalAmount: number;
};

/** The opportunities a company is a payer company on, newest first; `limit` caps the list. */
export async function payerRelationsOf(
  db: DbOrTx,
  workspaceId: string,
  companyId: string,
  limit: number,
): Promise<PayerRelation[]> {
  const rows = await db
    .select({
      opportunityId: opportunities.id,
      opportunityName: opportunities.name,
      clientId: companies.id,
      clientName: companies.name,
      currency: opportunities.currency,
      status: opportunities.status,
      totalAmount: sql<string>`coalesce(${opportunityLineTotals.totalAmount}, 0)`,
    })
    .from(opportunityPayerCompanies)
    .innerJoin(
      opportunities,
      and(
        eq(opportunities.workspaceId, opportunityPayerCompanies.workspaceId),
        eq(opportunities.id, opportunityPayerCompanies.opportunityId),
      ),
    )
    .innerJoin(
      companies,
      and(eq(companies.workspaceId, opportunities.workspaceId), eq(companies.id, opportunities.companyId)),
    )
    .leftJoin(
      opportunityLineTotals,
      and(
        eq(opportunityLineTotals.workspaceId, opportunities.workspaceId),
        eq(opportunityLineTotals.opportunityId, opportunities.id),
      ),
    )
    .where(
      and(eq(opportunityPayerCompanies.workspaceId, workspaceId), eq(opportunityPayerCompanies.companyId, companyId)),
    )
    .orderBy(desc(opportunities.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, totalAmount: Number(r.totalAmount) }));
}

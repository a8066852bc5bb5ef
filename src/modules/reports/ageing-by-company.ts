import { and, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { companies, invoices, opportunities } from "../../db/schema/index.ts";
import { subtractMinor } from "../../lib/money.ts";
import type { CompanyReceivable } from "./schemas.ts";

/**
 * What each company still owes on approved invoices (AUTHORISED: native ones approved or sent, Xero's
 * "awaiting payment", synced or raised here), per currency, aged by days past the due date on `today`.
 * An invoice without a due date is current.
 */
export async function ageingByCompany(db: DbOrTx, workspaceId: string, today: string): Promise<CompanyReceivable[]> {
  const due = sql`(${invoices.totalAmount} - ${invoices.amountPaidAmount})`;
  const late = sql`(${today}::date - ${invoices.dueDate})`;
  const bucket = (from: number, to?: number) =>
    sql<string>`coalesce(sum(case when ${late} >= ${from}${to === undefined ? sql`` : sql` and ${late} <= ${to}`} then ${due} else 0 end), 0)`;
  const rows = await db
    .select({
      companyId: companies.id,
      companyName: companies.name,
      currency: invoices.currency,
      outstanding: sql<string>`sum(${due})`,
      current: sql<string>`coalesce(sum(case when ${invoices.dueDate} is null or ${late} <= 0 then ${due} else 0 end), 0)`,
      d1: bucket(1, 30),
      d31: bucket(31, 60),
      d61: bucket(61, 90),
      d91: bucket(91),
    })
    .from(invoices)
    .innerJoin(
      opportunities,
      and(eq(opportunities.workspaceId, invoices.workspaceId), eq(opportunities.id, invoices.opportunityId)),
    )
    .innerJoin(
      companies,
      and(eq(companies.workspaceId, invoices.workspaceId), eq(companies.id, opportunities.companyId)),
    )
    .where(
      and(
        eq(invoices.workspaceId, workspaceId),
        eq(invoices.status, "AUTHORISED"),
        gt(invoices.totalAmount, invoices.amountPaidAmount),
      ),
    )
    .groupBy(companies.id, companies.name, invoices.currency)
    .orderBy(sql`sum(${due}) desc`, companies.id);
  return rows.map((r) => {
    const ageing = {
      current: Number(r.current),
      days1To30: Number(r.d1),
      days31To60: Number(r.d31),
      days61To90: Number(r.d61),
      days90Plus: Number(r.d91),
    };
    return {
      companyId: r.companyId,
      companyName: r.companyName,
      currency: r.currency,
      outstandingAmount: Number(r.outstanding),
      overdueAmount: subtractMinor(Number(r.outstanding), ageing.current),
      ageing,
    };
  });
}

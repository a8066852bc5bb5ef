import { and, asc, desc, eq, gt, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { companies, invoices, opportunities } from "../../db/schema/index.ts";
import { subtractMinor } from "../../lib/money.ts";
import type { CompanyReceivable, Receivable } from "./schemas.ts";

/** How many companies the ageing lists per currency, biggest debt first; the totals count every company. */
export const COMPANIES_PER_CURRENCY = 100;

type AgeingSums = { outstanding: string; current: string; d1: string; d31: string; d61: string; d91: string };

/**
 * What is still owed on approved invoices (AUTHORISED: native ones approved or sent, Xero's "awaiting
 * payment", synced or raised here), aged by days past the due date on `today`. An invoice without a due date
 * is current.
 */
const due = sql`(${invoices.totalAmount} - ${invoices.amountPaidAmount})`;

function ageingSums(today: string) {
  const late = sql`(${today}::date - ${invoices.dueDate})`;
  const bucket = (from: number, to?: number) =>
    sql<string>`coalesce(sum(case when ${late} >= ${from}${to === undefined ? sql`` : sql` and ${late} <= ${to}`} then ${due} else 0 end), 0)`;
  return {
    outstanding: sql<string>`sum(${due})`.as("outstanding"),
    current:
      sql<string>`coalesce(sum(case when ${invoices.dueDate} is null or ${late} <= 0 then ${due} else 0 end), 0)`.as(
        "current",
      ),
    d1: bucket(1, 30).as("d1"),
    d31: bucket(31, 60).as("d31"),
    d61: bucket(61, 90).as("d61"),
    d91: bucket(91).as("d91"),
  };
}

const owing = (workspaceId: string) =>
  and(
    eq(invoices.workspaceId, workspaceId),
    eq(invoices.status, "AUTHORISED"),
    gt(invoices.totalAmount, invoices.amountPaidAmount),
  );

function toReceivable(currency: string, r: AgeingSums): Receivable {
  const ageing = {
    current: Number(r.current),
    days1To30: Number(r.d1),
    days31To60: Number(r.d31),
    days61To90: Number(r.d61),
    days90Plus: Number(r.d91),
  };
  const outstandingAmount = Number(r.outstanding);
  return { currency, outstandingAmount, overdueAmount: subtractMinor(outstandingAmount, ageing.current), ageing };
}

/** The workspace's totals per currency, summed in the database over every owing invoice. */
export async function ageingTotals(db: DbOrTx, workspaceId: string, today: string): Promise<Receivable[]> {
  const rows = await db
    .select({ currency: invoices.currency, ...ageingSums(today) })
    .from(invoices)
    .where(owing(workspaceId))
    .groupBy(invoices.currency)
    .orderBy(invoices.currency);
  return rows.map((r) => toReceivable(r.currency, r));
}

/**
 * Each company's part per currency, biggest debt first, the first COMPANIES_PER_CURRENCY of each currency:
 * a dashboard reads the largest debts, and a workspace of 50,000 companies should not send them all.
 */
export async function ageingByCompany(db: DbOrTx, workspaceId: string, today: string): Promise<CompanyReceivable[]> {
  const grouped = db
    .select({
      companyId: sql<string>`${companies.id}`.as("company_id"),
      companyName: sql<string>`${companies.name}`.as("company_name"),
      currency: sql<string>`${invoices.currency}`.as("currency"),
      ...ageingSums(today),
      rank: sql<number>`row_number() over (partition by ${invoices.currency} order by sum(${due}) desc, ${companies.id})`.as(
        "rank",
      ),
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
    .where(owing(workspaceId))
    .groupBy(companies.id, companies.name, invoices.currency)
    .as("grouped");
  const rows = await db
    .select()
    .from(grouped)
    .where(lte(grouped.rank, COMPANIES_PER_CURRENCY))
    .orderBy(desc(grouped.outstanding), asc(grouped.companyId));
  return rows.map((r) => ({ companyId: r.companyId, companyName: r.companyName, ...toReceivable(r.currency, r) }));
}

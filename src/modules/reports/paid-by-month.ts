import { and, eq, gte, notExists, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { invoicePayments, invoices } from "../../db/schema/index.ts";
import { addMinor } from "../../lib/money.ts";
import type { PaidInMonth } from "./schemas.ts";

/** The twelve months ending with today's, oldest first, as YYYY-MM. */
export function lastTwelveMonths(today: string): string[] {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (11 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/**
 * Money received per month and currency over the last twelve months: recorded payments by their date, and
 * for invoices paid in Xero (which carry no payment rows here) the amount paid at the time it was paid.
 * Every month of the window appears for each currency seen, zero when nothing came in.
 */
export async function paidByMonth(db: DbOrTx, workspaceId: string, today: string): Promise<PaidInMonth[]> {
  const months = lastTwelveMonths(today);
  const since = `${months[0]}-01`;
  const recorded = await db
    .select({
      month: sql<string>`to_char(${invoicePayments.paidOn}, 'YYYY-MM')`,
      currency: invoices.currency,
      amount: sql<string>`sum(${invoicePayments.amount})`,
    })
    .from(invoicePayments)
    .innerJoin(
      invoices,
      and(eq(invoices.workspaceId, invoicePayments.workspaceId), eq(invoices.id, invoicePayments.invoiceId)),
    )
    .where(and(eq(invoicePayments.workspaceId, workspaceId), gte(invoicePayments.paidOn, since)))
    .groupBy(sql`1`, invoices.currency);
  const paidAt = sql`coalesce(${invoices.paidAt}, ${invoices.updatedAt})`;
  const synced = await db
    .select({
      month: sql<string>`to_char(${paidAt} at time zone 'UTC', 'YYYY-MM')`,
      currency: invoices.currency,
      amount: sql<string>`sum(${invoices.amountPaidAmount})`,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.workspaceId, workspaceId),
        eq(invoices.provider, "xero"),
        sql`${invoices.amountPaidAmount} > 0`,
        sql`${paidAt} >= ${since}::date`,
        notExists(
          db
            .select({ one: sql`1` })
            .from(invoicePayments)
            .where(and(eq(invoicePayments.workspaceId, workspaceId), eq(invoicePayments.invoiceId, invoices.id))),
        ),
      ),
    )
    .groupBy(sql`1`, invoices.currency);
  const totals = new Map<string, number>();
  for (const r of [...recorded, ...synced]) {
    const key = `${r.currency} ${r.month}`;
    totals.set(key, addMinor(totals.get(key) ?? 0, Number(r.amount)));
  }
  const currencies = [...new Set([...recorded, ...synced].map((r) => r.currency))].sort();
  return currencies.flatMap((currency) =>
    months.map((month) => ({ month, currency, paidAmount: totals.get(`${currency} ${month}`) ?? 0 })),
  );
}

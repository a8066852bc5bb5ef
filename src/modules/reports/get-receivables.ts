import type { Ctx } from "../../context.ts";
import { todayIn } from "../../lib/dates.ts";
import { addMinor } from "../../lib/money.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { ageingByCompany } from "./ageing-by-company.ts";
import { paidByMonth } from "./paid-by-month.ts";
import { pipelineByStatus } from "./pipeline-by-status.ts";
import {
  type Ageing,
  type CompanyReceivable,
  type PaidInMonth,
  type PipelineByStatus,
  type Receivable,
  ReceivablesQuery,
} from "./schemas.ts";

export type Receivables = {
  asOf: string;
  totals: Receivable[];
  byCompany: CompanyReceivable[];
  pipelineByStatus: PipelineByStatus[];
  paidByMonth: PaidInMonth[];
};

/** The receivables dashboard: every figure is money, so all of it needs invoices:read. */
export async function getReceivables(ctx: Ctx, input: ReceivablesQuery = {}): Promise<Receivables> {
  const parsed = parseInput(ReceivablesQuery, input);
  requireScope(ctx.actor.scopes, "invoices:read");
  const today = parsed.as_of ?? todayIn(null, ctx.clock.now());
  const workspaceId = ctx.actor.workspaceId;
  const byCompany = await ageingByCompany(ctx.db, workspaceId, today);
  return {
    asOf: today,
    totals: totalsPerCurrency(byCompany),
    byCompany,
    pipelineByStatus: await pipelineByStatus(ctx.db, workspaceId),
    paidByMonth: await paidByMonth(ctx.db, workspaceId, today),
  };
}

function totalsPerCurrency(rows: CompanyReceivable[]): Receivable[] {
  const out = new Map<string, Receivable>();
  for (const row of rows) {
    const sum = out.get(row.currency);
    if (!sum) {
      out.set(row.currency, {
        currency: row.currency,
        outstandingAmount: row.outstandingAmount,
        overdueAmount: row.overdueAmount,
        ageing: { ...row.ageing },
      });
      continue;
    }
    sum.outstandingAmount = addMinor(sum.outstandingAmount, row.outstandingAmount);
    sum.overdueAmount = addMinor(sum.overdueAmount, row.overdueAmount);
    for (const key of Object.keys(sum.ageing) as (keyof Ageing)[]) {
      sum.ageing[key] = addMinor(sum.ageing[key], row.ageing[key]);
    }
  }
  return [...out.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

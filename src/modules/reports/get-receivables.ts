import type { Ctx } from "../../context.ts";
import { todayIn } from "../../lib/dates.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { ageingByCompany, ageingTotals } from "./ageing-by-company.ts";
import { paidByMonth } from "./paid-by-month.ts";
import { pipelineByStatus } from "./pipeline-by-status.ts";
import {
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
  return {
    asOf: today,
    totals: await ageingTotals(ctx.db, workspaceId, today),
    byCompany: await ageingByCompany(ctx.db, workspaceId, today),
    pipelineByStatus: await pipelineByStatus(ctx.db, workspaceId),
    paidByMonth: await paidByMonth(ctx.db, workspaceId, today),
  };
}

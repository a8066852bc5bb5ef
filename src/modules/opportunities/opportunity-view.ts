import type { Actor } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import type { opportunities } from "../../db/schema/index.ts";
import { sumMinor } from "../../lib/money.ts";
import { type LineView, loadLines } from "./line-view.ts";

type OpportunityRow = typeof opportunities.$inferSelect;

export type OpportunityView = Omit<OpportunityRow, "workspaceId"> & {
  /** Sum of the line totals (tax-exclusive) in the opportunity's currency. */
  totalAmount: number;
  lineCount: number;
  lines?: LineView[];
};

/** Totals always; the lines themselves only when asked for (`expand=products`). */
export async function toOpportunityViews(
  db: DbOrTx,
  actor: Actor,
  rows: OpportunityRow[],
  expandLines: boolean,
): Promise<OpportunityView[]> {
  const lines = await loadLines(db, actor, new Map(rows.map((r) => [r.id, r.currency])));
  return rows.map(({ workspaceId: _ws, ...row }) => {
    const own = lines.get(row.id) ?? [];
    return {
      ...row,
      totalAmount: sumMinor(own.map((l) => l.lineTotalAmount)),
      lineCount: own.length,
      ...(expandLines ? { lines: own } : {}),
    };
  });
}

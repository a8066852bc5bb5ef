import { and, desc, eq, getTableColumns, inArray, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { opportunities, opportunityLineTotals } from "../../db/schema/index.ts";
import { type LineView, loadLines, minorFromDatabase } from "./line-view.ts";

type OpportunityRow = typeof opportunities.$inferSelect;

export type OpportunityView = Omit<OpportunityRow, "workspaceId"> & {
  /** Sum of the line totals (tax-exclusive) in the opportunity's currency. */
  totalAmount: number;
  lineCount: number;
  lines?: LineView[];
};

type Totals = { lineCount: number; totalAmount: number };

/** A view as the database writes it in JSON: timestamps as ISO text. */
type ViewJson = Omit<OpportunityView, "createdAt" | "updatedAt" | "lines"> & { createdAt: string; updatedAt: string };

const { workspaceId: _workspaceId, ...viewColumns } = getTableColumns(opportunities);

/**
 * Opportunities of one workspace, newest first, with their line count and total, as one JSON array built by
 * the database. Totals come from opportunity_line_totals, which triggers keep with every line change, so a page
 * reads no lines however many the workspace holds; and one row with one field is all the driver parses, however
 * long the page. `where` must hold the workspace id.
 */
export function selectOpportunityViews(db: DbOrTx, where: SQL | undefined, limit: number | Placeholder) {
  const page = db
    .select({
      ...viewColumns,
      lineCount: sql<number>`coalesce(${opportunityLineTotals.lineCount}, 0)`.as("line_count"),
      totalAmount: sql<number>`coalesce(${opportunityLineTotals.totalAmount}, 0)`.as("total_amount"),
    })
    .from(opportunities)
    .leftJoin(
      opportunityLineTotals,
      and(
        eq(opportunityLineTotals.workspaceId, opportunities.workspaceId),
        eq(opportunityLineTotals.opportunityId, opportunities.id),
      ),
    )
    .where(where)
    .orderBy(desc(opportunities.id))
    .limit(limit)
    .as("page");
  const fields = sql.join(
    Object.keys(page._.selectedFields).map((key) => sql`${sql.raw(`'${key}'`)}, ${page[key as keyof typeof page]}`),
    sql`, `,
  );
  return db
    .select({
      views: sql<ViewJson[]>`coalesce(json_agg(json_build_object(${fields}) order by ${page.id} desc), '[]')`,
    })
    .from(page);
}

/** A view from its JSON form; totals beyond safe integers are refused as money.ts refuses them. */
export function fromViewJson(view: ViewJson): OpportunityView {
  return {
    id: view.id,
    name: view.name,
    companyId: view.companyId,
    primaryContactId: view.primaryContactId,
    currency: view.currency,
    stage: view.stage,
    stageId: view.stageId,
    status: view.status,
    ownerId: view.ownerId,
    lineCount: view.lineCount,
    totalAmount: minorFromDatabase(view.totalAmount),
    createdAt: new Date(view.createdAt),
    updatedAt: new Date(view.updatedAt),
  };
}

/** Line count and total of each given opportunity of the actor's workspace (absent: no lines). */
async function totalsOf(db: DbOrTx, workspaceId: string, ids: string[]): Promise<Map<string, Totals>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({
      opportunityId: opportunityLineTotals.opportunityId,
      lineCount: opportunityLineTotals.lineCount,
      totalAmount: opportunityLineTotals.totalAmount,
    })
    .from(opportunityLineTotals)
    .where(and(eq(opportunityLineTotals.workspaceId, workspaceId), inArray(opportunityLineTotals.opportunityId, ids)));
  return new Map(
    rows.map((r) => [r.opportunityId, { lineCount: r.lineCount, totalAmount: minorFromDatabase(r.totalAmount) }]),
  );
}

/**
 * Views of opportunities: rows just written get their totals looked up, views read with selectOpportunityViews
 * already carry them; the lines themselves only when asked for (`expand=products`).
 */
export async function toOpportunityViews(
  db: DbOrTx,
  actor: Actor,
  rows: (OpportunityRow | OpportunityView)[],
  expandLines: boolean,
): Promise<OpportunityView[]> {
  const missing = rows.filter((r) => !("totalAmount" in r)).map((r) => r.id);
  const totals = await totalsOf(db, actor.workspaceId, missing);
  const lines = expandLines ? await loadLines(db, actor, new Map(rows.map((r) => [r.id, r.currency]))) : undefined;
  return rows.map((row) => {
    const own = "totalAmount" in row ? row : (totals.get(row.id) ?? { lineCount: 0, totalAmount: 0 });
    const view: OpportunityView = {
      id: row.id,
      name: row.name,
      companyId: row.companyId,
      primaryContactId: row.primaryContactId,
      currency: row.currency,
      stage: row.stage,
      stageId: row.stageId,
      status: row.status,
      ownerId: row.ownerId,
      lineCount: own.lineCount,
      totalAmount: own.totalAmount,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
    if (lines) {
      view.lines = lines.get(row.id) ?? [];
    }
    return view;
  });
}

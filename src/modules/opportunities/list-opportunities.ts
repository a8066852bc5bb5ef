import { and, eq, lt, sql } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { preparedQuery } from "../../db/client.ts";
import { opportunities, productLines } from "../../db/schema/index.ts";
import { decodeCursor, type Page, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { nameContains } from "../crm/internal.ts";
import { fromViewJson, type OpportunityView, selectOpportunityViews, toOpportunityViews } from "./opportunity-view.ts";
import { ListOpportunitiesQuery } from "./schemas.ts";

/**
 * Newest first; `q` matches the name; filters combine with AND (payment status and amount due over the lines).
 * Each page and its totals are one query.
 */
export async function listOpportunities(ctx: Ctx, query: ListOpportunitiesQuery): Promise<Page<OpportunityView>> {
  const parsed = parseInput(ListOpportunitiesQuery, query);
  requireScope(ctx.actor.scopes, "opportunities:read");
  const after = decodeCursor(parsed.cursor);
  const workspaceId = ctx.actor.workspaceId;
  const limit = parsed.limit + 1;
  const byMoney = parsed.payment_status !== undefined || parsed.min_amount_due !== undefined;
  if (byMoney) {
    // Filtering by payment status or amount due would reveal them, so it takes the scope that shows them.
    requireScope(ctx.actor.scopes, "invoices:read");
  }
  const filtered = parsed.q || parsed.status || parsed.stage || parsed.stage_id || parsed.company_id || byMoney;
  const [result] = filtered
    ? await selectOpportunityViews(
        ctx.db,
        and(
          eq(opportunities.workspaceId, workspaceId),
          after ? lt(opportunities.id, after) : undefined,
          nameContains(opportunities.name, parsed.q),
          parsed.status ? eq(opportunities.status, parsed.status) : undefined,
          parsed.stage ? eq(opportunities.stage, parsed.stage) : undefined,
          parsed.stage_id ? eq(opportunities.stageId, parsed.stage_id) : undefined,
          parsed.company_id ? eq(opportunities.companyId, parsed.company_id) : undefined,
          parsed.payment_status
            ? sql`exists (select 1 from ${productLines} where ${productLines.opportunityId} = ${opportunities.id}
                and ${productLines.paymentStatus} = ${parsed.payment_status})`
            : undefined,
          parsed.min_amount_due !== undefined
            ? sql`(select coalesce(sum(${productLines.lineTotalAmount}), 0) from ${productLines}
                where ${productLines.opportunityId} = ${opportunities.id} and ${productLines.paymentStatus} <> 'paid')
                >= ${parsed.min_amount_due}`
            : undefined,
        ),
        limit,
      )
    : await unfilteredPage(ctx, after !== undefined).execute({ workspaceId, after, limit });
  const page = toPage((result?.views ?? []).map(fromViewJson), parsed.limit);
  if (parsed.expand !== "products") {
    return page;
  }
  return { ...page, data: await toOpportunityViews(ctx.db, ctx.actor, page.data, true) };
}

/** The pages lists and agents ask for most, prepared: the first, and those after a cursor. */
function unfilteredPage(ctx: Ctx, afterCursor: boolean) {
  const name = afterCursor ? "opportunity_page_after" : "opportunity_page";
  return preparedQuery(ctx.db, name, (db) =>
    selectOpportunityViews(
      db,
      and(
        eq(opportunities.workspaceId, sql.placeholder("workspaceId")),
        afterCursor ? lt(opportunities.id, sql.placeholder("after")) : undefined,
      ),
      sql.placeholder("limit"),
    ),
  );
}

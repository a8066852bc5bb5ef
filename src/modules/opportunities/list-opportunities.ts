import { and, desc, eq, lt } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { opportunities } from "../../db/schema/index.ts";
import { decodeCursor, type Page, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { nameContains } from "../crm/internal.ts";
import { type OpportunityView, toOpportunityViews } from "./opportunity-view.ts";
import { ListOpportunitiesQuery } from "./schemas.ts";

/** Newest first; `q` matches the name; filters combine with AND. */
export async function listOpportunities(ctx: Ctx, query: ListOpportunitiesQuery): Promise<Page<OpportunityView>> {
  const parsed = parseInput(ListOpportunitiesQuery, query);
  requireScope(ctx.actor.scopes, "opportunities:read");
  const after = decodeCursor(parsed.cursor);
  const rows = await ctx.db
    .select()
    .from(opportunities)
    .where(
      and(
        eq(opportunities.workspaceId, ctx.actor.workspaceId),
        after ? lt(opportunities.id, after) : undefined,
        nameContains(opportunities.name, parsed.q),
        parsed.status ? eq(opportunities.status, parsed.status) : undefined,
        parsed.stage ? eq(opportunities.stage, parsed.stage) : undefined,
        parsed.company_id ? eq(opportunities.companyId, parsed.company_id) : undefined,
      ),
    )
    .orderBy(desc(opportunities.id))
    .limit(parsed.limit + 1);
  const page = toPage(rows, parsed.limit);
  const data = await toOpportunityViews(ctx.db, ctx.actor, page.data, parsed.expand === "products");
  return { ...page, data };
}

import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { preparedQuery } from "../../db/client.ts";
import { opportunities } from "../../db/schema/index.ts";
import { notFound } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { readOpportunityLines } from "./line-view.ts";
import { fromViewJson, type OpportunityView, selectOpportunityViews } from "./opportunity-view.ts";
import { GetOpportunityInput } from "./schemas.ts";

/** One opportunity with its totals (one prepared query); `expand=products` adds its lines (one more). */
export async function getOpportunity(ctx: Ctx, input: GetOpportunityInput): Promise<OpportunityView> {
  const { id, expand } = parseInput(GetOpportunityInput, input);
  requireScope(ctx.actor.scopes, "opportunities:read");
  const query = preparedQuery(ctx.db, "opportunity_view", (db) =>
    selectOpportunityViews(
      db,
      and(eq(opportunities.workspaceId, sql.placeholder("workspaceId")), eq(opportunities.id, sql.placeholder("id"))),
      1,
    ),
  );
  const [result] = await query.execute({ workspaceId: ctx.actor.workspaceId, id });
  const json = result?.views[0];
  if (!json) {
    throw notFound("opportunity", id);
  }
  const view = fromViewJson(json);
  if (expand === "products") {
    view.lines = (await readOpportunityLines(ctx.db, ctx.actor, id)) ?? [];
  }
  return view;
}

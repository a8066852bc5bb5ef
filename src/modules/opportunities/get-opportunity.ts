import type { Ctx } from "../../context.ts";
import { requireScope } from "../access/index.ts";
import { getOpportunityOrThrow } from "./internal.ts";
import { type OpportunityView, toOpportunityViews } from "./opportunity-view.ts";

export async function getOpportunity(ctx: Ctx, id: string, options: { expand?: "products" } = {}) {
  requireScope(ctx.actor.scopes, "opportunities:read");
  const row = await getOpportunityOrThrow(ctx.db, ctx.actor.workspaceId, id);
  const [view] = await toOpportunityViews(ctx.db, ctx.actor, [row], options.expand === "products");
  return view as OpportunityView;
}

import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { automationRunActions, automationRuns, businessEvents } from "../../db/schema/index.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { canSeePaymentStatus } from "../opportunities/index.ts";
import { getAutomationOrThrow } from "./internal.ts";
import { ListRunsCommand } from "./schemas.ts";

export type RunActionRow = typeof automationRunActions.$inferSelect;
export type RunWithActions = typeof automationRuns.$inferSelect & {
  eventType: string | null;
  actions: RunActionRow[];
};

/** An automation's run log, newest first, each run with its event type and per-action outcomes. */
export async function listAutomationRuns(ctx: Ctx, input: { id: string; limit?: number; cursor?: string }) {
  const parsed = parseInput(ListRunsCommand, input);
  requireScope(ctx.actor.scopes, "automations:read");
  await getAutomationOrThrow(ctx.db, ctx.actor.workspaceId, parsed.id);
  const before = decodeCursor(parsed.cursor);
  const rows = await ctx.db
    .select({ run: automationRuns, eventType: businessEvents.type })
    .from(automationRuns)
    .leftJoin(businessEvents, eq(businessEvents.id, automationRuns.eventId))
    .where(
      and(
        eq(automationRuns.workspaceId, ctx.actor.workspaceId),
        eq(automationRuns.automationId, parsed.id),
        before ? lt(automationRuns.id, before) : undefined,
      ),
    )
    .orderBy(desc(automationRuns.id))
    .limit(parsed.limit + 1);
  const page = toPage(
    rows.map((r) => ({ ...r.run, eventType: r.eventType })),
    parsed.limit,
  );
  const ids = page.data.map((r) => r.id);
  const actions = ids.length
    ? await ctx.db
        .select()
        .from(automationRunActions)
        .where(inArray(automationRunActions.runId, ids))
        .orderBy(asc(automationRunActions.position))
    : [];
  const byRun = new Map<string, RunActionRow[]>();
  for (const action of actions) byRun.set(action.runId, [...(byRun.get(action.runId) ?? []), action]);
  // What an email or note said may carry invoice figures: only callers with invoices:read see it.
  const revenue = canSeePaymentStatus(ctx.actor);
  const shown = (a: RunActionRow) =>
    revenue || a.type === "set_stage" || a.type === "set_status" ? a : { ...a, result: null };
  return {
    ...page,
    data: page.data.map((run): RunWithActions => ({ ...run, actions: (byRun.get(run.id) ?? []).map(shown) })),
  };
}

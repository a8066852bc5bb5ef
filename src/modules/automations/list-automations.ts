import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../context.ts";
import { automations } from "../../db/schema/index.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";

export const ListAutomationsInput = z.strictObject({
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

/** The workspace's automations, oldest first (the order they were made in). */
export async function listAutomations(ctx: Ctx, input: z.input<typeof ListAutomationsInput>) {
  const parsed = parseInput(ListAutomationsInput, input);
  requireScope(ctx.actor.scopes, "automations:read");
  const after = decodeCursor(parsed.cursor);
  const rows = await ctx.db
    .select()
    .from(automations)
    .where(and(eq(automations.workspaceId, ctx.actor.workspaceId), after ? gt(automations.id, after) : undefined))
    .orderBy(asc(automations.id))
    .limit(parsed.limit + 1);
  return toPage(rows, parsed.limit);
}

import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { automations } from "../../db/schema/index.ts";
import { notFound } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { RecordRef } from "../crm/fields.ts";

/** Deletes an automation with its run log; runs in flight find it gone and stop. */
export async function deleteAutomation(ctx: Ctx, input: RecordRef): Promise<void> {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "automations:write");
  const deleted = await ctx.db
    .delete(automations)
    .where(and(eq(automations.workspaceId, ctx.actor.workspaceId), eq(automations.id, id)))
    .returning({ id: automations.id });
  if (deleted.length === 0) throw notFound("automation", id);
}

import type { Ctx } from "../../context.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { RecordRef } from "../crm/fields.ts";
import { type AutomationRow, getAutomationOrThrow } from "./internal.ts";

export async function getAutomation(ctx: Ctx, input: RecordRef): Promise<AutomationRow> {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "automations:read");
  return getAutomationOrThrow(ctx.db, ctx.actor.workspaceId, id);
}

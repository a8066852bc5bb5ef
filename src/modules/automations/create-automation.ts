import { type Ctx, withTransaction } from "../../context.ts";
import { automations } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import type { AutomationResult } from "./internal.ts";
import { ownerOf } from "./owner-actor.ts";
import { AutomationBody } from "./schemas.ts";
import { prepareActions } from "./stored-actions.ts";

/** Creates an automation owned by the caller; each webhook action's signing secret is in this answer only. */
export async function createAutomation(ctx: Ctx, input: AutomationBody): Promise<AutomationResult> {
  const parsed = parseInput(AutomationBody, input);
  requireScope(ctx.actor.scopes, "automations:write");
  const { stored, revealed } = prepareActions(ctx, parsed.actions);
  return withTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(automations)
      .values({
        id: newId("automation", now),
        workspaceId: ctx.actor.workspaceId,
        name: parsed.name,
        enabled: parsed.enabled,
        triggerType: parsed.trigger.type,
        trigger: parsed.trigger,
        conditions: parsed.conditions ?? null,
        actions: stored,
        ...ownerOf(ctx.actor),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error("automation insert returned no row");
    return { ...row, revealedSecrets: revealed };
  });
}

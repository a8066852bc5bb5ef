import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { automations } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { type AutomationResult, getAutomationOrThrow } from "./internal.ts";
import { UpdateAutomationCommand } from "./schemas.ts";
import { prepareActions } from "./stored-actions.ts";

/**
 * Changes an automation. Actions replace the list; one sent with its id keeps its webhook secret, a new
 * webhook action gets a new secret (in this answer only). Runs already started keep the actions they began with.
 */
export async function updateAutomation(ctx: Ctx, input: UpdateAutomationCommand): Promise<AutomationResult> {
  const { id, ...parsed } = parseInput(UpdateAutomationCommand, input);
  requireScope(ctx.actor.scopes, "automations:write");
  return withTransaction(ctx, async (tx) => {
    const current = await getAutomationOrThrow(tx, ctx.actor.workspaceId, id);
    const prepared = parsed.actions ? prepareActions(ctx, parsed.actions, current.actions) : null;
    const [row] = await tx
      .update(automations)
      .set({
        name: parsed.name,
        enabled: parsed.enabled,
        ...(parsed.trigger ? { triggerType: parsed.trigger.type, trigger: parsed.trigger } : {}),
        ...(parsed.conditions !== undefined ? { conditions: parsed.conditions } : {}),
        ...(prepared ? { actions: prepared.stored } : {}),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(automations.id, id))
      .returning();
    return { ...(row ?? current), revealedSecrets: prepared?.revealed ?? {} };
  });
}

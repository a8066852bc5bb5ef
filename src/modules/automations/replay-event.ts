import { type Ctx, withTransaction } from "../../context.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { loadEvent } from "./event-context.ts";
import { getAutomationOrThrow } from "./internal.ts";
import { ReplayCommand } from "./schemas.ts";
import { nextReplayOf, startRun } from "./start-run.ts";

/**
 * Runs one automation again for a past event (admins: settings:write), as a new run beside the first; the
 * conditions are evaluated again. Normal delivery never does this: a run is once per (automation, event).
 */
export async function replayAutomationEvent(ctx: Ctx, input: { id: string; event_id: string }) {
  const parsed = parseInput(ReplayCommand, input);
  requireScope(ctx.actor.scopes, "automations:write");
  requireScope(ctx.actor.scopes, "settings:write");
  return withTransaction(ctx, async (tx) => {
    const automation = await getAutomationOrThrow(tx, ctx.actor.workspaceId, parsed.id);
    const event = await loadEvent(tx, ctx.actor.workspaceId, parsed.event_id);
    if (!event) throw notFound("event", parsed.event_id);
    if (event.type !== automation.triggerType) {
      throw new AppError(
        "invalid_input",
        `The event is ${event.type}; this automation runs on ${automation.triggerType}.`,
        {
          issues: [{ field: "event_id", message: `must be a ${automation.triggerType} event` }],
        },
      );
    }
    const replay = await nextReplayOf(tx, automation.id, event.id);
    const started = await startRun(tx, { db: tx, clock: ctx.clock }, automation, event, replay);
    if (started.outcome === "not_matched") {
      throw new AppError("conflict", "The automation's conditions do not match this event; nothing was replayed.");
    }
    return started;
  });
}

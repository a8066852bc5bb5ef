import { and, asc, eq } from "drizzle-orm";
import { automations } from "../../db/schema/index.ts";
import type { EngineDeps } from "./engine-deps.ts";
import { loadEvent } from "./event-context.ts";
import { startRun } from "./start-run.ts";

/**
 * The job a recorded business event queues: every enabled automation with its trigger starts a run (one
 * transaction each, so one automation's failure does not hold up the others). Safe to run twice.
 */
export async function matchEvent(deps: EngineDeps, workspaceId: string, eventId: string): Promise<number> {
  const event = await loadEvent(deps.db, workspaceId, eventId);
  if (!event) return 0;
  const candidates = await deps.db
    .select()
    .from(automations)
    .where(
      and(
        eq(automations.workspaceId, workspaceId),
        eq(automations.triggerType, event.type),
        eq(automations.enabled, true),
      ),
    )
    .orderBy(asc(automations.id));
  let started = 0;
  for (const automation of candidates) {
    const { outcome } = await deps.db.transaction((tx) => startRun(tx, { ...deps, db: tx }, automation, event));
    if (outcome === "started") started += 1;
  }
  return started;
}

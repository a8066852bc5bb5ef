import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { automations } from "../../db/schema/index.ts";
import { notFound } from "../../lib/errors.ts";

export type AutomationRow = typeof automations.$inferSelect;

export async function getAutomationOrThrow(db: DbOrTx, workspaceId: string, id: string): Promise<AutomationRow> {
  const [row] = await db
    .select()
    .from(automations)
    .where(and(eq(automations.workspaceId, workspaceId), eq(automations.id, id)));
  if (!row) throw notFound("automation", id);
  return row;
}

/** An automation as verbs return it; `secrets` holds webhook secrets created by this call (shown once). */
export type AutomationResult = AutomationRow & { revealedSecrets?: Record<string, string> };

import type { DbOrTx } from "../../db/client.ts";
import { type StageKind, stages } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";

/**
 * The pipeline a new workspace starts with; migration 0014 seeds the same list for workspaces that existed
 * before stages did, so keep the two in step.
 */
export const DEFAULT_PIPELINE: readonly { name: string; kind: StageKind }[] = [
  { name: "lead", kind: "open" },
  { name: "qualified", kind: "open" },
  { name: "proposal", kind: "open" },
  { name: "negotiation", kind: "open" },
  { name: "won", kind: "won" },
  { name: "lost", kind: "lost" },
];

export async function seedDefaultStages(db: DbOrTx, workspaceId: string, now: Date): Promise<void> {
  await db
    .insert(stages)
    .values(DEFAULT_PIPELINE.map((s, position) => ({ id: newId("stage", now), workspaceId, ...s, position })));
}

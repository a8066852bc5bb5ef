import { and, asc, eq, max } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { stages } from "../../db/schema/index.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";

export type StageRow = typeof stages.$inferSelect;

export async function getStageOrThrow(db: DbOrTx, workspaceId: string, id: string): Promise<StageRow> {
  const [row] = await db
    .select()
    .from(stages)
    .where(and(eq(stages.workspaceId, workspaceId), eq(stages.id, id)));
  if (!row) {
    throw notFound("stage", id);
  }
  return row;
}

export async function orderedStages(db: DbOrTx, workspaceId: string): Promise<StageRow[]> {
  return db
    .select()
    .from(stages)
    .where(eq(stages.workspaceId, workspaceId))
    .orderBy(asc(stages.position), asc(stages.id));
}

/**
 * Places `id` at `position` and renumbers the rest 0..n-1 in their order, so positions stay dense and a
 * board never shows two columns claiming one slot.
 */
export async function placeStage(db: DbOrTx, workspaceId: string, id: string, position: number): Promise<void> {
  const others = (await orderedStages(db, workspaceId)).filter((s) => s.id !== id);
  const at = Math.min(position, others.length);
  const order = [...others.slice(0, at).map((s) => s.id), id, ...others.slice(at).map((s) => s.id)];
  for (const [index, stageId] of order.entries()) {
    await db
      .update(stages)
      .set({ position: index })
      .where(and(eq(stages.workspaceId, workspaceId), eq(stages.id, stageId)));
  }
}

export function duplicateName(name: string): AppError {
  return new AppError("conflict", `A stage named "${name}" already exists.`, {
    issues: [{ field: "name", message: "must be unique within the workspace" }],
  });
}

export function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } }).code ??
    (error as { cause?: { code?: string } }).cause?.code;
  return code === "23505";
}

/**
 * The stage an opportunity write names: `stage_id` wins; a free-text `stage` (the field clients used before
 * stages existed) finds the stage of that name, or adds it as an open stage at the end of the pipeline.
 */
export async function resolveStage(
  db: DbOrTx,
  workspaceId: string,
  given: { stageId?: string | undefined; stage?: string | undefined },
  now: Date,
): Promise<StageRow | undefined> {
  if (given.stageId) {
    const id = given.stageId;
    try {
      return await getStageOrThrow(db, workspaceId, id);
    } catch (error) {
      if (error instanceof AppError && error.code === "not_found") {
        throw new AppError("not_found", `${error.message} (stage_id)`, {
          issues: [{ field: "stage_id", message: "no such stage in this workspace; GET /api/v1/stages lists them" }],
        });
      }
      throw error;
    }
  }
  if (!given.stage) {
    return undefined;
  }
  const [found] = await db
    .select()
    .from(stages)
    .where(and(eq(stages.workspaceId, workspaceId), eq(stages.name, given.stage)));
  if (found) {
    return found;
  }
  const [last] = await db
    .select({ position: max(stages.position) })
    .from(stages)
    .where(eq(stages.workspaceId, workspaceId));
  const [created] = await db
    .insert(stages)
    .values({
      id: newId("stage", now),
      workspaceId,
      name: given.stage,
      kind: "open",
      position: (last?.position ?? -1) + 1,
    })
    .onConflictDoNothing()
    .returning();
  if (created) {
    return created;
  }
  // A concurrent write added the same name first.
  const [raced] = await db
    .select()
    .from(stages)
    .where(and(eq(stages.workspaceId, workspaceId), eq(stages.name, given.stage)));
  return raced;
}

import { and, count, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { opportunities, stages } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getStageOrThrow, orderedStages, placeStage } from "./internal.ts";
import { DeleteStageCommand } from "./schemas.ts";

/**
 * A stage still holding opportunities is refused (409) unless `move_to` names the stage they move to first;
 * the last stage is never removed, so every board has a column.
 */
export async function deleteStage(ctx: Ctx, input: DeleteStageCommand): Promise<void> {
  const { id, move_to: moveTo } = parseInput(DeleteStageCommand, input);
  requireScope(ctx.actor.scopes, "settings:write");
  const workspaceId = ctx.actor.workspaceId;
  await withTransaction(ctx, async (tx) => {
    const stage = await getStageOrThrow(tx, workspaceId, id);
    const inStage = and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.stageId, stage.id));
    const [used] = await tx.select({ n: count() }).from(opportunities).where(inStage);
    const n = used?.n ?? 0;
    if (n > 0 && !moveTo) {
      throw new AppError("conflict", `The stage "${stage.name}" still holds ${n} opportunities.`, {
        fix: "Move them to another stage first, or pass ?move_to=<stage id> to move them as the stage is deleted.",
        details: { opportunity_count: n },
      });
    }
    if (moveTo) {
      if (moveTo === stage.id) {
        throw new AppError("invalid_input", "A stage cannot move its opportunities to itself.", {
          issues: [{ field: "move_to", message: "must be another stage of this workspace" }],
        });
      }
      const target = await getStageOrThrow(tx, workspaceId, moveTo);
      await tx
        .update(opportunities)
        .set({ stageId: target.id, stage: target.name, updatedAt: ctx.clock.now() })
        .where(inStage);
    }
    const all = await orderedStages(tx, workspaceId);
    if (all.length <= 1) {
      throw new AppError("conflict", "The last stage of a pipeline cannot be deleted.", {
        fix: "Add another stage first.",
      });
    }
    await tx.delete(stages).where(eq(stages.id, stage.id));
    const first = all.find((s) => s.id !== stage.id);
    if (first) {
      await placeStage(tx, workspaceId, first.id, 0);
    }
  });
}

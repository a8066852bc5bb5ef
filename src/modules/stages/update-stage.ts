import { and, eq, ne } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { opportunities, stages } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { duplicateName, getStageOrThrow, isUniqueViolation, placeStage } from "./internal.ts";
import { UpdateStageCommand } from "./schemas.ts";

/**
 * Rename, change kind or move. A rename rewrites the `stage` text of its opportunities in the same
 * transaction, so the free-text field and stage_id never disagree.
 */
export async function updateStage(ctx: Ctx, input: UpdateStageCommand) {
  const { id, ...parsed } = parseInput(UpdateStageCommand, input);
  requireScope(ctx.actor.scopes, "settings:write");
  const workspaceId = ctx.actor.workspaceId;
  try {
    return await withTransaction(ctx, async (tx) => {
      const current = await getStageOrThrow(tx, workspaceId, id);
      if (parsed.name !== undefined && parsed.name !== current.name) {
        const [clash] = await tx
          .select({ id: stages.id })
          .from(stages)
          .where(and(eq(stages.workspaceId, workspaceId), eq(stages.name, parsed.name), ne(stages.id, id)));
        if (clash) {
          throw duplicateName(parsed.name);
        }
        await tx
          .update(opportunities)
          .set({ stage: parsed.name })
          .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.stageId, id)));
      }
      await tx
        .update(stages)
        .set({ name: parsed.name, kind: parsed.kind, updatedAt: ctx.clock.now() })
        .where(eq(stages.id, current.id));
      if (parsed.position !== undefined && parsed.position !== current.position) {
        await placeStage(tx, workspaceId, id, parsed.position);
      }
      return getStageOrThrow(tx, workspaceId, id);
    });
  } catch (error) {
    throw isUniqueViolation(error) ? duplicateName(parsed.name ?? "") : error;
  }
}

import { and, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { stages } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { duplicateName, getStageOrThrow, isUniqueViolation, orderedStages, placeStage } from "./internal.ts";
import { CreateStageInput } from "./schemas.ts";

/** Without a position the stage goes last. */
export async function createStage(ctx: Ctx, input: CreateStageInput) {
  const parsed = parseInput(CreateStageInput, input);
  requireScope(ctx.actor.scopes, "settings:write");
  const workspaceId = ctx.actor.workspaceId;
  try {
    return await withTransaction(ctx, async (tx) => {
      const [clash] = await tx
        .select({ id: stages.id })
        .from(stages)
        .where(and(eq(stages.workspaceId, workspaceId), eq(stages.name, parsed.name)));
      if (clash) {
        throw duplicateName(parsed.name);
      }
      const count = (await orderedStages(tx, workspaceId)).length;
      const id = newId("stage", ctx.clock.now());
      await tx
        .insert(stages)
        .values({ id, workspaceId, name: parsed.name, kind: parsed.kind ?? "open", position: count });
      if (parsed.position !== undefined && parsed.position < count) {
        await placeStage(tx, workspaceId, id, parsed.position);
      }
      return getStageOrThrow(tx, workspaceId, id);
    });
  } catch (error) {
    throw isUniqueViolation(error) ? duplicateName(parsed.name) : error;
  }
}

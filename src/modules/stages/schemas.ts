// Verb inputs use the public snake_case field names, as in the other modules.
import { z } from "zod";
import { STAGE_KINDS } from "../../db/schema/index.ts";
import { RecordId } from "../../lib/record-id.ts";

export const StageName = z.string().trim().min(1).max(60);
export const StagePosition = z.number().int().min(0).max(1000);

export const CreateStageInput = z.strictObject({
  name: StageName,
  kind: z.enum(STAGE_KINDS).optional(),
  position: StagePosition.optional(),
});
export type CreateStageInput = z.input<typeof CreateStageInput>;

export const UpdateStageInput = CreateStageInput.partial();
export type UpdateStageInput = z.input<typeof UpdateStageInput>;
/** `updateStage`'s whole input: the stage's id beside the fields to change. */
export const UpdateStageCommand = UpdateStageInput.extend({ id: RecordId });
export type UpdateStageCommand = z.input<typeof UpdateStageCommand>;

/** Deleting a stage in use needs somewhere to move its opportunities to. */
export const DeleteStageQuery = z.object({ move_to: RecordId.optional() });
export const DeleteStageCommand = DeleteStageQuery.extend({ id: RecordId });
export type DeleteStageCommand = z.input<typeof DeleteStageCommand>;

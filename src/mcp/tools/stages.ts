import { z } from "zod";
import { StageSchema, toStageDto } from "../../dto/stages.ts";
import { RecordId } from "../../lib/record-id.ts";
import {
  CreateStageInput,
  createStage,
  DeleteStageQuery,
  deleteStage,
  listStages,
  updateStage,
} from "../../modules/stages/index.ts";
import { defineTool } from "../tool.ts";

const StageId = RecordId.describe("Stage id (stg_…), from list_stages");
const stageFields = {
  name: CreateStageInput.shape.name.describe("The column's name, e.g. Proposal"),
  kind: CreateStageInput.shape.kind.describe("open (default); won or lost close the deals moved into it"),
  position: CreateStageInput.shape.position.describe("0-based column; the other stages shift (default: last)"),
};

export const listStagesTool = defineTool({
  name: "list_stages",
  title: "List pipeline stages",
  description:
    "The workspace's pipeline stages in board order (position 0 first), each open, won or lost. Move a deal with update_opportunity's stage (the stage name); list_opportunities filters by stage.",
  scope: "opportunities:read",
  destructive: false,
  idempotent: true,
  input: z.strictObject({}),
  output: z.object({ data: z.array(StageSchema) }),
  run: async (ctx) => ({ data: (await listStages(ctx)).map(toStageDto) }),
});

export const createStageTool = defineTool({
  name: "create_stage",
  title: "Add a pipeline stage",
  description: "Add a stage to the pipeline, last unless position is given (the stages after it shift right).",
  scope: "settings:write",
  destructive: false,
  input: z.strictObject(stageFields),
  output: StageSchema,
  run: async (ctx, input) => toStageDto(await createStage(ctx, input)),
});

export const updateStageTool = defineTool({
  name: "update_stage",
  title: "Rename, re-kind or move a stage",
  description:
    "Change a stage's name (its deals' stage text follows), kind (open/won/lost) or position (positions stay 0..n-1); only the fields given change.",
  scope: "settings:write",
  destructive: false,
  idempotent: true,
  input: z.strictObject({ stage_id: StageId, ...z.object(stageFields).partial().shape }),
  output: StageSchema,
  run: async (ctx, { stage_id, ...fields }) => toStageDto(await updateStage(ctx, { id: stage_id, ...fields })),
});

export const deleteStageTool = defineTool({
  name: "delete_stage",
  title: "Delete a pipeline stage",
  description:
    "Delete a stage. One that still holds deals is refused with conflict (and their count) unless move_to names the stage they go to; the last stage is never deleted.",
  scope: "settings:write",
  destructive: true,
  input: z.strictObject({
    stage_id: StageId,
    move_to: DeleteStageQuery.shape.move_to.describe("Stage id (stg_…) that takes the deleted stage's deals"),
  }),
  output: z.object({ deleted: z.boolean(), stage_id: z.string() }),
  run: async (ctx, { stage_id, move_to }) => {
    await deleteStage(ctx, { id: stage_id, ...(move_to ? { move_to } : {}) });
    return { deleted: true, stage_id };
  },
});

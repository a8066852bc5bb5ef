export { createStage } from "./create-stage.ts";
export { DEFAULT_PIPELINE, seedDefaultStages } from "./default-stages.ts";
export { deleteStage } from "./delete-stage.ts";
export { getStageOrThrow, resolveStage, type StageRow } from "./internal.ts";
export { listStages } from "./list-stages.ts";
export * from "./schemas.ts";
export { updateStage } from "./update-stage.ts";

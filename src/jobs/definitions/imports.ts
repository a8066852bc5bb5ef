import { failImport, IMPORT_JOB, runImport } from "../../modules/imports/index.ts";
import { defineJob } from "../define-job.ts";
import { JOB_PAYLOADS } from "../job-payloads.ts";

/** Writes a CSV import in batches; on its last attempt a failure marks the import failed. */
export const importRunJob = defineJob({
  name: IMPORT_JOB,
  schema: JOB_PAYLOADS[IMPORT_JOB],
  maxAttempts: 3,
  handler: async (ctx, payload) => {
    if (!ctx.workspaceId) {
      return;
    }
    try {
      await runImport(ctx, ctx.workspaceId, payload.importId);
    } catch (error) {
      if (ctx.attempt >= 3) {
        await failImport(ctx.db, ctx.workspaceId, payload.importId, ctx.clock.now());
      }
      throw error;
    }
  },
});

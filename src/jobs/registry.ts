import type { JobDefinition } from "./define-job.ts";

/** Every job Settle knows. A definition file under definitions/ is added here once. */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [];

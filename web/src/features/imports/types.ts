import type { ImportRun } from "../../lib/types.ts";

export type { ImportBody, ImportRun } from "../../lib/types.ts";
export type ImportEntity = ImportRun["entity"];
export type ImportRowError = ImportRun["errors"][number];

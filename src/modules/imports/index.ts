export { createImport, IMPORT_JOB } from "./create-import.ts";
export { csvLine } from "./csv.ts";
export { getImport, listImports } from "./get-import.ts";
export { failImport, runImport } from "./run-import.ts";
export * from "./schemas.ts";

import type { ExportEntity } from "./export-csv-link.tsx";

// POST /api/v1/imports and GET /api/v1/imports/{id}; aliased to the generated types once the server's
// document carries them.
export type ImportEntity = ExportEntity;
export type ImportRowError = { row: number; field: string; message: string };
export type ImportRun = {
  id: string;
  status: string;
  total_rows: number;
  processed_rows: number;
  errors: ImportRowError[];
  created_rows?: number;
  updated_rows?: number;
};
export type ImportBody = {
  entity: ImportEntity;
  csv: string;
  mapping?: Record<string, string>;
  key_column?: string;
  dry_run: boolean;
};

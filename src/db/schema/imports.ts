import { boolean, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { timestamps, workspaceColumn } from "./_columns.ts";
import { workspaces } from "./access.ts";

export const IMPORT_ENTITIES = ["companies", "contacts", "products", "opportunities"] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];
export const IMPORT_STATUSES = ["validated", "queued", "running", "completed", "failed"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export type ImportRowError = { row: number; field: string; message: string };

/**
 * One CSV import: the file and its mapping are kept so the background job reads them, and progress and
 * each row's errors are written back as it goes. A dry run is stored as `validated` and never runs.
 */
export const imports = pgTable(
  "imports",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    entity: text({ enum: IMPORT_ENTITIES }).notNull(),
    status: text({ enum: IMPORT_STATUSES }).notNull(),
    dryRun: boolean().notNull(),
    csv: text().notNull(),
    mapping: jsonb().$type<Record<string, string>>(),
    keyColumn: text(),
    totalRows: integer().notNull(),
    processedRows: integer().notNull().default(0),
    createdRows: integer().notNull().default(0),
    updatedRows: integer().notNull().default(0),
    errors: jsonb().$type<ImportRowError[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [index("imports_workspace_idx").on(t.workspaceId, t.id)],
);

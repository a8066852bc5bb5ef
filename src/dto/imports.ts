import { z } from "@hono/zod-openapi";

export const ImportSchema = z
  .object({
    id: z.string(),
    entity: z.enum(["companies", "contacts", "products", "opportunities"]),
    status: z.enum(["validated", "queued", "running", "completed", "failed"]).openapi({
      description: "validated: a dry run (nothing written); queued → running → completed for an import",
    }),
    dry_run: z.boolean(),
    key_column: z.string().nullable(),
    total_rows: z.number().int(),
    processed_rows: z.number().int(),
    created_rows: z.number().int().openapi({ description: "Records created (in a dry run: would be created)" }),
    updated_rows: z.number().int().openapi({ description: "Records updated by the key column" }),
    errors: z
      .array(z.object({ row: z.number().int(), field: z.string(), message: z.string() }))
      .openapi({ description: "Each rejected row's problems; row counts the header as row 1" }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Import");

type ImportRow = {
  id: string;
  entity: z.infer<typeof ImportSchema>["entity"];
  status: z.infer<typeof ImportSchema>["status"];
  dryRun: boolean;
  keyColumn: string | null;
  totalRows: number;
  processedRows: number;
  createdRows: number;
  updatedRows: number;
  errors: { row: number; field: string; message: string }[];
  createdAt: Date;
  updatedAt: Date;
};

export function toImportDto(row: ImportRow): z.infer<typeof ImportSchema> {
  return {
    id: row.id,
    entity: row.entity,
    status: row.status,
    dry_run: row.dryRun,
    key_column: row.keyColumn,
    total_rows: row.totalRows,
    processed_rows: row.processedRows,
    created_rows: row.createdRows,
    updated_rows: row.updatedRows,
    errors: row.errors,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

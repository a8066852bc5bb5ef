import { z } from "zod";
import { ImportSchema, toImportDto } from "../../dto/imports.ts";
import { RecordId } from "../../lib/record-id.ts";
import { CreateImportInput, createImport, getImport } from "../../modules/imports/index.ts";
import { defineTool } from "../tool.ts";

export const createImportTool = defineTool({
  name: "create_import",
  title: "Import records from CSV",
  description:
    "Import companies, contacts, products or opportunities (one row per product line) from CSV text. Every row is checked with the API's own rules and a bad row never stops the others. Run first with dry_run true: it answers at once with each row's errors (row counts the header as row 1) and writes nothing. Without dry_run the import runs in the background: poll get_import until status is completed. Rows update the record matched by key_column (default id, else name, email or sku), so the same file twice never duplicates. Also needs the entity's write scope.",
  scope: "companies:write",
  destructive: false,
  input: z.strictObject({
    entity: CreateImportInput.shape.entity.describe("What the rows are"),
    csv: CreateImportInput.shape.csv.describe("The CSV text, header row first (at most 10,000 rows)"),
    mapping: CreateImportInput.shape.mapping.describe(
      'CSV header → field, e.g. {"Company name": "name"}; without it headers are read as field names',
    ),
    key_column: CreateImportInput.shape.key_column.describe("The field (or its CSV header) that finds the record"),
    dry_run: CreateImportInput.shape.dry_run.describe("true: check every row and write nothing"),
  }),
  output: ImportSchema,
  run: async (ctx, input) => toImportDto(await createImport(ctx, input)),
});

export const getImportTool = defineTool({
  name: "get_import",
  title: "Import progress",
  description:
    "An import's status (validated for a dry run; queued → running → completed, or failed), rows processed of total, created and updated counts, and each rejected row's errors.",
  scope: "companies:read",
  destructive: false,
  idempotent: true,
  input: z.strictObject({ import_id: RecordId.describe("Import id (imp_…), from create_import") }),
  output: ImportSchema,
  run: async (ctx, { import_id }) => toImportDto(await getImport(ctx, { id: import_id })),
});

import { z } from "zod";
import { IMPORT_ENTITIES, type ImportEntity } from "../../db/schema/index.ts";
import { RecordId } from "../../lib/record-id.ts";

/** The fields a CSV column may map to, per entity (API field names, plus lookups by name for references). */
export const IMPORT_FIELDS: Record<ImportEntity, readonly string[]> = {
  companies: ["id", "name", "email", "phone", "website"],
  contacts: ["id", "name", "email", "phone", "company", "company_id", "is_primary"],
  products: [
    "id",
    "name",
    "sku",
    "description",
    "unit_amount",
    "unit_price",
    "currency",
    "unit",
    "billing",
    "recurring_interval",
    "deposit_percent",
    "tax_rate",
    "xero_account_code",
    "is_active",
  ],
  opportunities: [
    "id",
    "name",
    "company",
    "company_id",
    "contact",
    "currency",
    "stage",
    "status",
    "product",
    "product_id",
    "quantity",
    "unit_amount",
    "unit_price",
    "discount_percent",
    "deposit_percent",
    "tax_rate",
  ],
};

/** Fields that identify an existing record, in the order tried when no key_column is given. */
export const KEY_FIELDS: Record<ImportEntity, readonly string[]> = {
  companies: ["id", "name", "email", "website"],
  contacts: ["id", "email", "name"],
  products: ["id", "sku", "name"],
  opportunities: ["id", "name"],
};

export const MAX_IMPORT_ROWS = 10_000;

export const CreateImportInput = z.strictObject({
  entity: z.enum(IMPORT_ENTITIES),
  csv: z.string().min(1).max(1_000_000),
  /** CSV header → field; without it, headers are read as field names ("Unit price" → unit_price). */
  mapping: z.record(z.string().max(200), z.string().max(60)).optional(),
  /** The field (or its CSV header) that finds the record a row updates, so re-running a file never duplicates. */
  key_column: z.string().max(200).optional(),
  dry_run: z.boolean().default(false),
});
export type CreateImportInput = z.input<typeof CreateImportInput>;

export const ImportRef = z.strictObject({ id: RecordId });
export type ImportRef = z.input<typeof ImportRef>;

/** One data row: its number in the file (the header is row 1) and its values by field name. */
export type ImportRecord = { row: number; values: Record<string, string> };

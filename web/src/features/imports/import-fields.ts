import type { ImportEntity } from "./types.ts";

export type ImportField = { name: string; label: string; required?: boolean };

/**
 * The fields each import reads, as the API names them (its IMPORT_FIELDS); a CSV column is mapped onto each.
 * References go by name (company, contact, product) or by id. Opportunities take one row per line: the
 * opportunity's own fields may repeat on each row or stand on its first.
 */
export const IMPORT_FIELDS: Record<ImportEntity, ImportField[]> = {
  companies: [
    { name: "name", label: "Name", required: true },
    { name: "email", label: "Email" },
    { name: "phone", label: "Phone" },
    { name: "website", label: "Website" },
    { name: "id", label: "Settle id" },
  ],
  contacts: [
    { name: "name", label: "Name", required: true },
    { name: "email", label: "Email" },
    { name: "phone", label: "Phone" },
    { name: "company", label: "Company (name)" },
    { name: "company_id", label: "Company id" },
    { name: "is_primary", label: "Primary contact (true/false)" },
    { name: "id", label: "Settle id" },
  ],
  products: [
    { name: "name", label: "Name", required: true },
    { name: "sku", label: "SKU" },
    { name: "description", label: "Description" },
    { name: "unit_price", label: "Unit price (e.g. 12.50)" },
    { name: "unit_amount", label: "Unit amount (minor units)" },
    { name: "currency", label: "Currency", required: true },
    { name: "unit", label: "Unit" },
    { name: "billing", label: "Billing (one_off or recurring)" },
    { name: "recurring_interval", label: "Recurring interval" },
    { name: "deposit_percent", label: "Default deposit %" },
    { name: "tax_rate", label: "Tax rate %" },
    { name: "xero_account_code", label: "Xero revenue account" },
    { name: "is_active", label: "Active (true/false)" },
    { name: "id", label: "Settle id" },
  ],
  opportunities: [
    { name: "name", label: "Name", required: true },
    { name: "company", label: "Company (name)" },
    { name: "company_id", label: "Company id" },
    { name: "contact", label: "Primary contact (name or email)" },
    { name: "currency", label: "Currency", required: true },
    { name: "stage", label: "Stage" },
    { name: "status", label: "Status (open, won, lost)" },
    { name: "product", label: "Line: product (name or SKU)" },
    { name: "product_id", label: "Line: product id" },
    { name: "quantity", label: "Line: quantity" },
    { name: "unit_price", label: "Line: unit price" },
    { name: "unit_amount", label: "Line: unit amount (minor units)" },
    { name: "discount_percent", label: "Line: discount %" },
    { name: "deposit_percent", label: "Line: deposit %" },
    { name: "tax_rate", label: "Line: tax rate %" },
    { name: "id", label: "Settle id" },
  ],
};

/** The field that says "this row is that record" on a re-run, so the same file updates instead of duplicating. */
export const DEFAULT_KEY: Record<ImportEntity, string> = {
  companies: "name",
  contacts: "email",
  products: "sku",
  opportunities: "name",
};

export const ENTITY_LABEL: Record<ImportEntity, string> = {
  companies: "Companies",
  contacts: "Contacts",
  products: "Products",
  opportunities: "Opportunities with their lines",
};

/** The API's mapping runs the other way: CSV header → field. Unmapped columns are left out of the import. */
export function toApiMapping(byField: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(byField).map(([field, column]) => [column, field]));
}

import type { ImportEntity } from "./types.ts";

export type ImportField = { name: string; label: string; required?: boolean };

/** The fields each import reads, as the API names them; a CSV column is mapped onto each. */
export const IMPORT_FIELDS: Record<ImportEntity, ImportField[]> = {
  companies: [
    { name: "name", label: "Name", required: true },
    { name: "email", label: "Email" },
    { name: "phone", label: "Phone" },
    { name: "website", label: "Website" },
  ],
  contacts: [
    { name: "name", label: "Name", required: true },
    { name: "email", label: "Email" },
    { name: "phone", label: "Phone" },
    { name: "company", label: "Company name" },
  ],
  products: [
    { name: "name", label: "Name", required: true },
    { name: "sku", label: "SKU" },
    { name: "unit_price", label: "Unit price", required: true },
    { name: "currency", label: "Currency", required: true },
    { name: "billing", label: "Billing (one_off or recurring)" },
    { name: "deposit_percent", label: "Default deposit %" },
    { name: "tax_rate", label: "Tax rate %" },
  ],
  opportunities: [
    { name: "name", label: "Name", required: true },
    { name: "company", label: "Company name", required: true },
    { name: "currency", label: "Currency", required: true },
    { name: "stage", label: "Stage" },
    { name: "product", label: "Product (line)" },
    { name: "quantity", label: "Quantity (line)" },
    { name: "unit_price", label: "Unit price (line)" },
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

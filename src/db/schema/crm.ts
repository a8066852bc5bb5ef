import { bigint, boolean, index, numeric, pgTable, text } from "drizzle-orm/pg-core";
import { timestamps, workspaceColumn } from "./_columns.ts";
import { workspaces } from "./access.ts";

export const companies = pgTable(
  "companies",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    name: text().notNull(),
    email: text(),
    phone: text(),
    website: text(),
    /** The Xero ContactID invoices for this company are raised against; null until linked (SPEC §4.5). */
    xeroContactId: text(),
    /** The Xero organisation that contact belongs to: a link made in another organisation is never used. */
    xeroTenantId: text(),
    ...timestamps,
  },
  (t) => [index("companies_workspace_id_idx").on(t.workspaceId, t.id)],
);

export const contacts = pgTable(
  "contacts",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    // A contact outlives its company's deletion (it simply becomes unlinked).
    companyId: text().references(() => companies.id, { onDelete: "set null" }),
    name: text().notNull(),
    email: text(),
    phone: text(),
    ...timestamps,
  },
  (t) => [index("contacts_workspace_id_idx").on(t.workspaceId, t.id), index("contacts_company_idx").on(t.companyId)],
);

export const PRODUCT_BILLINGS = ["one_off", "recurring"] as const;
export type ProductBilling = (typeof PRODUCT_BILLINGS)[number];

export const products = pgTable(
  "products",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    name: text().notNull(),
    sku: text(),
    unitAmount: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    unit: text().notNull().default("unit"),
    // Percentages are exact decimals (numeric), never floats; null means "use the workspace default".
    defaultDepositPercent: numeric({ precision: 7, scale: 4 }),
    billing: text({ enum: PRODUCT_BILLINGS }).notNull().default("one_off"),
    taxRate: numeric({ precision: 7, scale: 4 }).notNull().default("0"),
    isActive: boolean().notNull().default(true),
    ...timestamps,
  },
  (t) => [index("products_workspace_id_idx").on(t.workspaceId, t.id)],
);

import { sql } from "drizzle-orm";
import { bigint, boolean, index, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
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
    /** Archived companies keep their history but leave lists unless asked for (`archived=true`). */
    archivedAt: timestamp({ withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    index("companies_workspace_id_idx").on(t.workspaceId, t.id),
    index("companies_workspace_name_idx").on(t.workspaceId, t.name, t.id),
    // The search indexes run with fastupdate off (set in the receivables_totals migration): see docs/crm.md.
    index("companies_search_idx").using("gin", sql`to_tsvector('simple', ${t.name})`),
  ],
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
    /** At most one primary contact per company (partial unique index). */
    isPrimary: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index("contacts_workspace_id_idx").on(t.workspaceId, t.id),
    index("contacts_company_idx").on(t.companyId),
    uniqueIndex("contacts_one_primary_per_company").on(t.companyId).where(sql`${t.isPrimary}`),
    index("contacts_search_idx").using("gin", sql`to_tsvector('simple', ${t.name} || ' ' || coalesce(${t.email}, ''))`),
  ],
);

export const PRODUCT_BILLINGS = ["one_off", "recurring"] as const;
export type ProductBilling = (typeof PRODUCT_BILLINGS)[number];
export const RECURRING_INTERVALS = ["week", "month", "quarter", "year"] as const;
export type RecurringInterval = (typeof RECURRING_INTERVALS)[number];

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
    description: text(),
    /** How often a recurring product bills; null for one-off products. */
    recurringInterval: text({ enum: RECURRING_INTERVALS }),
    /** The Xero account code its revenue is posted to; null → the organisation's default. */
    xeroAccountCode: text(),
    /** Set when a product used on lines is removed: it leaves the catalogue but lines keep naming it. */
    archivedAt: timestamp({ withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [index("products_workspace_id_idx").on(t.workspaceId, t.id)],
);

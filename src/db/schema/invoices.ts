import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  INVOICE_PROVIDERS,
  INVOICE_STATUSES,
  type InvoiceStatus,
  PORTIONS,
  TAX_MODES,
} from "../../modules/billing/index.ts";
import { timestamps, workspaceColumn } from "./_columns.ts";
import { workspaces } from "./access.ts";
import { opportunities } from "./opportunities.ts";

export { INVOICE_PROVIDERS, INVOICE_STATUSES, type InvoiceStatus };
export const PAYMENT_METHODS = ["bank_transfer", "cash", "card", "cheque", "other"] as const;

/** Per-workspace invoicing settings and the gap-free number counter (incremented in the creating transaction). */
export const invoiceSettings = pgTable("invoice_settings", {
  workspaceId: text()
    .primaryKey()
    .references(() => workspaces.id),
  numberPrefix: text().notNull().default("INV-"),
  nextNumber: integer().notNull().default(1),
  taxMode: text({ enum: TAX_MODES }).notNull().default("exclusive"),
  defaultDepositPercent: numeric({ precision: 7, scale: 4 }).notNull().default("0"),
  updatedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const invoices = pgTable(
  "invoices",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    opportunityId: text()
      .notNull()
      .references(() => opportunities.id),
    provider: text({ enum: INVOICE_PROVIDERS }).notNull().default("native"),
    /** A local label members may change; never sent to a provider. */
    portion: text({ enum: PORTIONS }).notNull(),
    /** What the amounts were computed as; fixed at creation, so relabelling never changes deposit maths. */
    billedPortion: text({ enum: PORTIONS }).notNull(),
    number: text().notNull(),
    /** The provider's own id (Xero InvoiceID) that sync reads back by; null for native invoices. */
    externalId: text(),
    /** The Xero organisation (tenant) the invoice lives in; null for native invoices. */
    xeroTenantId: text(),
    status: text({ enum: INVOICE_STATUSES }).notNull().default("DRAFT"),
    currency: text().notNull(),
    taxMode: text({ enum: TAX_MODES }).notNull(),
    issueDate: date({ mode: "string" }).notNull(),
    dueDate: date({ mode: "string" }),
    reference: text(),
    notes: text(),
    subtotalAmount: bigint({ mode: "number" }).notNull(),
    taxAmount: bigint({ mode: "number" }).notNull(),
    totalAmount: bigint({ mode: "number" }).notNull(),
    amountPaidAmount: bigint({ mode: "number" }).notNull().default(0),
    sentAt: timestamp({ withTimezone: true, mode: "date" }),
    paidAt: timestamp({ withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("invoices_workspace_number_unique").on(t.workspaceId, t.provider, t.number),
    index("invoices_opportunity_idx").on(t.opportunityId, t.id),
    // Receivables read a workspace's unpaid invoices by status.
    index("invoices_workspace_status_idx").on(t.workspaceId, t.status),
    // Search matches invoice numbers by prefix, case-insensitively.
    index("invoices_number_prefix_idx").on(t.workspaceId, sql`lower(${t.number}) text_pattern_ops`),
  ],
);

/** Each line keeps the product line it bills (null for free-form lines), so payments promote exactly those. */
export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    invoiceId: text()
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    productLineId: text(),
    description: text().notNull(),
    quantity: numeric({ precision: 18, scale: 4 }).notNull(),
    unitAmount: bigint({ mode: "number" }).notNull(),
    taxRate: numeric({ precision: 7, scale: 4 }).notNull(),
    /** Net of tax. */
    amount: bigint({ mode: "number" }).notNull(),
    taxAmount: bigint({ mode: "number" }).notNull(),
    sortOrder: integer().notNull(),
  },
  (t) => [
    index("invoice_lines_invoice_idx").on(t.invoiceId, t.sortOrder),
    index("invoice_lines_product_line_idx").on(t.productLineId).where(sql`${t.productLineId} is not null`),
  ],
);

export const invoicePayments = pgTable(
  "invoice_payments",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    invoiceId: text()
      .notNull()
      .references(() => invoices.id),
    amount: bigint({ mode: "number" }).notNull(),
    paidOn: date({ mode: "string" }).notNull(),
    method: text({ enum: PAYMENT_METHODS }).notNull(),
    reference: text(),
    actorId: text(),
    ...timestamps,
  },
  (t) => [index("invoice_payments_invoice_idx").on(t.invoiceId)],
);

/** Invoiced and paid totals per opportunity, recomputed by a job after every invoice change. */
export const opportunityInvoiceTotals = pgTable(
  "opportunity_invoice_totals",
  {
    workspaceId: workspaceColumn().references(() => workspaces.id),
    opportunityId: text()
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    currency: text().notNull(),
    invoicedAmount: bigint({ mode: "number" }).notNull(),
    paidAmount: bigint({ mode: "number" }).notNull(),
    updatedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.opportunityId] })],
);

export const REPEAT_UNITS = ["week", "month"] as const;
export const REPEAT_DUE_TYPES = ["days_after_invoice", "day_of_following_month"] as const;
export const REPEAT_APPROVALS = ["draft", "approve", "approve_for_sending"] as const;

/**
 * An ongoing portion billed by a Xero repeating invoice (template): Xero raises each invoice on its schedule,
 * and sync brings those invoices in. `externalId` is null while Xero is still creating the template.
 */
export const xeroRepeatingInvoices = pgTable(
  "xero_repeating_invoices",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    opportunityId: text()
      .notNull()
      .references(() => opportunities.id),
    xeroTenantId: text().notNull(),
    externalId: text(),
    status: text({ enum: ["DRAFT", "AUTHORISED", "DELETED"] }).notNull(),
    approval: text({ enum: REPEAT_APPROVALS }).notNull(),
    unit: text({ enum: REPEAT_UNITS }).notNull(),
    every: integer().notNull(),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }),
    dueType: text({ enum: REPEAT_DUE_TYPES }).notNull(),
    dueDay: integer().notNull(),
    reference: text(),
    currency: text().notNull(),
    /** Each raised invoice's total as Xero computed it for the template. */
    totalAmount: bigint({ mode: "number" }).notNull(),
    /**
     * The product lines the template bills: the invoices Xero generates from it promote these and no others.
     * Null on templates made before lines were kept (they promote the opportunity's recurring lines).
     */
    productLineIds: text().array(),
    ...timestamps,
  },
  (t) => [index("xero_repeating_invoices_opportunity_idx").on(t.opportunityId, t.id)],
);

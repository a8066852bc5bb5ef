import { sql } from "drizzle-orm";
import { bigint, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { PAYMENT_STATUSES } from "../../modules/billing/index.ts";
import { timestamps, workspaceColumn } from "./_columns.ts";
import { workspaces } from "./access.ts";
import { companies, contacts, products } from "./crm.ts";

export const OPPORTUNITY_STATUSES = ["open", "won", "lost"] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
export const STAGE_KINDS = OPPORTUNITY_STATUSES;
export type StageKind = OpportunityStatus;

/** A workspace's own pipeline: columns of the board, ordered by position; won and lost stages close deals. */
export const stages = pgTable(
  "stages",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    name: text().notNull(),
    kind: text({ enum: STAGE_KINDS }).notNull().default("open"),
    position: integer().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("stages_workspace_name_unique").on(t.workspaceId, t.name)],
);

export const opportunities = pgTable(
  "opportunities",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    name: text().notNull(),
    companyId: text()
      .notNull()
      .references(() => companies.id),
    primaryContactId: text().references(() => contacts.id, { onDelete: "set null" }),
    currency: text().notNull(),
    /** The stage's name, kept with it so clients of the free-text field keep working. */
    stage: text().notNull().default("lead"),
    stageId: text().references(() => stages.id),
    status: text({ enum: OPPORTUNITY_STATUSES }).notNull().default("open"),
    /** A user id of a member of the workspace. */
    ownerId: text(),
    ...timestamps,
  },
  (t) => [
    index("opportunities_workspace_id_idx").on(t.workspaceId, t.id),
    index("opportunities_company_idx").on(t.companyId),
    index("opportunities_stage_idx").on(t.workspaceId, t.stageId),
    index("opportunities_search_idx").using("gin", sql`to_tsvector('simple', ${t.name})`),
  ],
);

export const productLines = pgTable(
  "product_lines",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    opportunityId: text()
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    productId: text()
      .notNull()
      .references(() => products.id),
    quantity: numeric({ precision: 18, scale: 4 }).notNull(),
    /** Minor units of the opportunity's currency. */
    unitAmount: bigint({ mode: "number" }).notNull(),
    discountPercent: numeric({ precision: 7, scale: 4 }).notNull().default("0"),
    depositPercent: numeric({ precision: 7, scale: 4 }),
    taxRate: numeric({ precision: 7, scale: 4 }).notNull().default("0"),
    /**
     * unit_amount × quantity × (1 − discount_percent / 100), rounded half away from zero once at the end:
     * lineAmount (src/lib/money.ts), kept by the database with every write so totals are plain sums.
     * numeric multiplication is exact and numeric round() goes half away from zero; × 0.01 rather than ÷ 100
     * keeps every digit. tests/crm/opportunity-list-totals.test.ts holds the two equal.
     */
    lineTotalAmount: bigint({ mode: "number" })
      .notNull()
      .generatedAlwaysAs(sql`round("unit_amount" * "quantity" * (100 - "discount_percent") * 0.01)::bigint`),
    sortOrder: integer().notNull().default(0),
    paymentStatus: text({ enum: PAYMENT_STATUSES }).notNull().default("unpaid"),
    ...timestamps,
  },
  (t) => [
    index("product_lines_opportunity_sort_idx").on(t.opportunityId, t.sortOrder),
    index("product_lines_product_idx").on(t.productId),
  ],
);

/**
 * Each opportunity's line count and the sum of its line totals (also by payment status), kept by triggers on
 * product_lines in the very statement that adds, edits or removes lines or changes their status (function
 * opportunity_line_totals_follow, last replaced by the receivables_totals migration), so lists and the
 * receivables dashboard read totals without reading lines. An opportunity without lines has no row. There is no foreign key on
 * purpose: deleting an opportunity removes its lines, and the triggers then remove the row; a cascade from
 * opportunities would take this row's lock before the lines', the opposite order to a line edit.
 */
export const opportunityLineTotals = pgTable("opportunity_line_totals", {
  opportunityId: text().primaryKey(),
  workspaceId: workspaceColumn(),
  lineCount: integer().notNull(),
  totalAmount: bigint({ mode: "number" }).notNull(),
  /** The same total split by the lines' payment status, so the receivables dashboard sums opportunities, not lines. */
  unpaidAmount: bigint({ mode: "number" }).notNull().default(0),
  depositInvoicedAmount: bigint({ mode: "number" }).notNull().default(0),
  invoicedAmount: bigint({ mode: "number" }).notNull().default(0),
  paidAmount: bigint({ mode: "number" }).notNull().default(0),
});

export const PAYMENT_STATUS_SOURCES = [
  "manual",
  "invoice_sent",
  "xero_sync",
  "stripe_payment",
  "stripe_sync",
  "automation",
] as const;
export type PaymentStatusSource = (typeof PAYMENT_STATUS_SOURCES)[number];

export const ACTOR_KINDS = ["member", "api_key", "system"] as const;

/**
 * Append-only: rows are never updated or deleted. line_id has no foreign key on purpose, so the audit trail
 * survives the line (and its opportunity) being deleted.
 */
export const paymentStatusHistory = pgTable(
  "payment_status_history",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    lineId: text().notNull(),
    opportunityId: text().notNull(),
    fromStatus: text({ enum: PAYMENT_STATUSES }).notNull(),
    toStatus: text({ enum: PAYMENT_STATUSES }).notNull(),
    source: text({ enum: PAYMENT_STATUS_SOURCES }).notNull(),
    actorKind: text({ enum: ACTOR_KINDS }).notNull(),
    /** Member user id or API key id; null for the system. */
    actorId: text(),
    /** Related invoice; no foreign key until invoices exist. */
    invoiceId: text(),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("payment_status_history_line_idx").on(t.lineId, t.id)],
);

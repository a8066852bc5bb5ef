import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { timestamps, workspaceColumn } from "./_columns.ts";
import { workspaces } from "./access.ts";
import { companies } from "./crm.ts";
import { opportunities } from "./opportunities.ts";

/**
 * A signed Xero webhook POST, stored as received before Xero gets its 200, one row per organisation it names
 * (`body` holds that organisation's events); the organisation's job processes every unprocessed row at once.
 * Kept for the integration log's 30 days.
 */
export const xeroWebhookDeliveries = pgTable(
  "xero_webhook_deliveries",
  {
    id: text().primaryKey(),
    /** Null on deliveries stored before they were split by organisation. */
    tenantId: text(),
    receivedAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    body: jsonb().notNull(),
    eventCount: integer().notNull(),
    processedAt: timestamp({ withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("xero_webhook_deliveries_pending_idx").on(t.tenantId, t.receivedAt).where(sql`${t.processedAt} is null`),
  ],
);

export const XERO_SYNC_RUN_STATES = ["idle", "running", "failed"] as const;

/**
 * The workspace sync's place in its Xero organisation: `watermark` is where the next run reads from (Xero's
 * clock, already a safety margin behind the last complete page or run), and the progress of the current run.
 */
export const xeroSyncStates = pgTable("xero_sync_states", {
  workspaceId: text()
    .primaryKey()
    .references(() => workspaces.id),
  tenantId: text().notNull(),
  watermark: timestamp({ withTimezone: true, mode: "date" }),
  intervalMinutes: integer().notNull().default(15),
  state: text({ enum: XERO_SYNC_RUN_STATES }).notNull().default("idle"),
  processed: integer().notNull().default(0),
  total: integer().notNull().default(0),
  lastError: text(),
  startedAt: timestamp({ withTimezone: true, mode: "date" }),
  finishedAt: timestamp({ withTimezone: true, mode: "date" }),
});

/** Per Xero organisation, shared by every process: the row is locked while a call slot is taken. */
export const xeroRateLimits = pgTable("xero_rate_limits", {
  tenantId: text().primaryKey(),
  /** Set from a 429's Retry-After: no call to this organisation starts before then. */
  pausedUntil: timestamp({ withTimezone: true, mode: "date" }),
  pauseReason: text(),
});

export const XERO_CALL_OUTCOMES = ["in_flight", "ok", "failed", "rate_limited"] as const;
export type XeroCallOutcome = (typeof XERO_CALL_OUTCOMES)[number];

/**
 * Every call Settle makes to a Xero organisation (the integration log, kept 30 days). The limiter counts
 * the same rows: in flight, in the last minute, in the last day.
 */
export const xeroCallLog = pgTable(
  "xero_call_log",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn(),
    tenantId: text().notNull(),
    action: text().notNull(),
    outcome: text({ enum: XERO_CALL_OUTCOMES }).notNull(),
    httpStatus: integer(),
    durationMs: integer(),
    recordId: text(),
    message: text(),
    fix: text(),
    userInitiated: boolean().notNull(),
    startedAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    finishedAt: timestamp({ withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("xero_call_log_tenant_started_idx").on(t.tenantId, t.startedAt),
    index("xero_call_log_workspace_started_idx").on(t.workspaceId, t.startedAt, t.id),
  ],
);

/**
 * Xero invoices of the contacts Settle links that Settle did not raise: raised in Xero directly, or generated
 * from a repeating invoice. Shown on opportunities; they never move a line except through their template.
 */
export const xeroRaisedInvoices = pgTable(
  "xero_raised_invoices",
  {
    workspaceId: workspaceColumn().references(() => workspaces.id),
    externalId: text().notNull(),
    tenantId: text().notNull(),
    contactId: text().notNull(),
    number: text().notNull(),
    reference: text(),
    status: text().notNull(),
    currency: text().notNull(),
    totalAmount: bigint({ mode: "number" }).notNull(),
    amountPaidAmount: bigint({ mode: "number" }).notNull(),
    amountDueAmount: bigint({ mode: "number" }).notNull(),
    issueDate: date({ mode: "string" }),
    dueDate: date({ mode: "string" }),
    fullyPaidOn: date({ mode: "string" }),
    repeatingInvoiceId: text(),
    xeroUpdatedAt: timestamp({ withTimezone: true, mode: "date" }),
    /** Pinned by a member (or by its repeating template) to one opportunity; others no longer show it. */
    pinnedOpportunityId: text().references(() => opportunities.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.externalId] }),
    index("xero_raised_invoices_contact_idx").on(t.workspaceId, t.contactId),
  ],
);

/** Companies that pay an opportunity's bills besides its client (SPEC §4.6). */
export const opportunityPayerCompanies = pgTable(
  "opportunity_payer_companies",
  {
    workspaceId: workspaceColumn().references(() => workspaces.id),
    opportunityId: text()
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    companyId: text()
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.opportunityId, t.companyId] }),
    // A company page lists the opportunities it pays for.
    index("opportunity_payer_companies_company_idx").on(t.workspaceId, t.companyId),
  ],
);

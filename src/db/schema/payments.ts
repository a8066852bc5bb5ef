import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps, workspaceColumn } from "./_columns.ts";
import { workspaces } from "./access.ts";
import { invoices } from "./invoices.ts";

export const STRIPE_CONNECTION_STATUSES = ["active", "deauthorized"] as const;
export type StripeConnectionStatus = (typeof STRIPE_CONNECTION_STATUSES)[number];

/**
 * A workspace's Stripe account, connected with Connect OAuth (Standard). Settle keeps no token: it acts on
 * the account with the platform's key and `Stripe-Account`. An account is active in one workspace at most,
 * so its events belong to exactly one workspace.
 */
export const stripeConnections = pgTable(
  "stripe_connections",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    accountId: text().notNull(),
    accountName: text(),
    scope: text().notNull(),
    livemode: integer().notNull().default(0),
    status: text({ enum: STRIPE_CONNECTION_STATUSES }).notNull().default("active"),
    deauthorizedAt: timestamp({ withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("stripe_connections_workspace_unique").on(t.workspaceId),
    uniqueIndex("stripe_connections_active_account_unique").on(t.accountId).where(sql`${t.status} = 'active'`),
  ],
);

/** A Connect consent in progress: the sha256 of its one-time `state`, bound to the workspace that started it. */
export const stripeAuthRequests = pgTable("stripe_auth_requests", {
  stateHash: text().primaryKey(),
  workspaceId: workspaceColumn().references(() => workspaces.id),
  redirectUri: text().notNull(),
  expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
});

export const PAYMENT_LINK_MODES = ["one_time", "subscription"] as const;
export type PaymentLinkMode = (typeof PAYMENT_LINK_MODES)[number];
export const PAYMENT_LINK_INTERVALS = ["day", "week", "month", "year"] as const;
export type PaymentLinkInterval = (typeof PAYMENT_LINK_INTERVALS)[number];

/**
 * A Stripe payment link made for an invoice. `stripeLinkId` is null while Stripe is being asked (the row and
 * its idempotency key are committed first). One active link per invoice; a replaced link is kept, inactive.
 */
export const paymentLinks = pgTable(
  "payment_links",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    invoiceId: text()
      .notNull()
      .references(() => invoices.id),
    stripeAccountId: text().notNull(),
    stripeLinkId: text(),
    url: text(),
    mode: text({ enum: PAYMENT_LINK_MODES }).notNull(),
    interval: text({ enum: PAYMENT_LINK_INTERVALS }),
    amount: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    active: integer().notNull().default(1),
    deactivatedAt: timestamp({ withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    index("payment_links_invoice_idx").on(t.invoiceId, t.createdAt),
    uniqueIndex("payment_links_active_invoice_unique").on(t.invoiceId).where(sql`${t.active} = 1`),
    index("payment_links_stripe_idx").on(t.stripeLinkId),
  ],
);

/**
 * Every Stripe event received, verified, exactly once by id: the webhook stores it and queues its
 * processing in one transaction, so a duplicate delivery finds the row and changes nothing.
 */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text().primaryKey(),
    accountId: text(),
    workspaceId: text(),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    processedAt: timestamp({ withTimezone: true, mode: "date" }),
    outcome: text(),
  },
  (t) => [index("stripe_events_workspace_idx").on(t.workspaceId, t.receivedAt)],
);

export const PAYMENT_LOG_KINDS = ["payment", "refund", "subscription"] as const;
export type PaymentLogKind = (typeof PAYMENT_LOG_KINDS)[number];
export const PAYMENT_LOG_STATUSES = [
  "processing",
  "succeeded",
  "failed",
  "refunded",
  "pending",
  "canceled",
  "active",
  "past_due",
  "incomplete",
  "unpaid",
] as const;
export type PaymentLogStatus = (typeof PAYMENT_LOG_STATUSES)[number];

/**
 * The workspace's payment log: one row per Stripe payment (a PaymentIntent, or a subscription's invoice),
 * refund and subscription, updated as later events or syncs report on it. `stripeKey` (the Stripe object's
 * id) makes every report of the same thing land on the same row.
 */
export const paymentLogs = pgTable(
  "payment_logs",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    kind: text({ enum: PAYMENT_LOG_KINDS }).notNull(),
    stripeKey: text().notNull(),
    status: text({ enum: PAYMENT_LOG_STATUSES }).notNull(),
    amount: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    payerEmail: text(),
    payerName: text(),
    invoiceId: text(),
    opportunityId: text(),
    stripeAccountId: text(),
    checkoutSessionId: text(),
    paymentIntentId: text(),
    chargeId: text(),
    refundId: text(),
    subscriptionId: text(),
    stripeInvoiceId: text(),
    paymentLinkId: text(),
    /** The last Stripe event that reported on this row (null when a sync did). */
    eventId: text(),
    eventType: text(),
    occurredAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("payment_logs_workspace_key_unique").on(t.workspaceId, t.stripeKey),
    index("payment_logs_workspace_time_idx").on(t.workspaceId, t.occurredAt, t.id),
    index("payment_logs_invoice_idx").on(t.invoiceId),
    index("payment_logs_payment_intent_idx").on(t.workspaceId, t.paymentIntentId),
  ],
);

export const BUSINESS_EVENT_TYPES = [
  "payment_succeeded",
  "payment_failed",
  "payment_refunded",
  "invoice_paid",
  "invoice_sent",
  "payment_status_changed",
  "opportunity_stage_changed",
] as const;
export type BusinessEventType = (typeof BUSINESS_EVENT_TYPES)[number];

/**
 * What happened in the workspace that automations react to. `dedupeKey` makes "once per invoice" a
 * database fact: `payment_succeeded:<invoice>` can be inserted once, however many reports arrive.
 */
export const businessEvents = pgTable(
  "business_events",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    type: text({ enum: BUSINESS_EVENT_TYPES }).notNull(),
    invoiceId: text(),
    opportunityId: text(),
    dedupeKey: text().notNull(),
    occurredAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    /** How many automation runs led to this event (0: a person, a sync or a provider); runs stop past 3. */
    depth: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("business_events_workspace_dedupe_unique").on(t.workspaceId, t.dedupeKey),
    index("business_events_workspace_idx").on(t.workspaceId, t.type, t.id),
    index("business_events_invoice_idx").on(t.invoiceId),
  ],
);

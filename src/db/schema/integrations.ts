import { jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps, workspaceColumn } from "./_columns.ts";
import { workspaces } from "./access.ts";

export const XERO_CONNECTION_STATUSES = ["active", "needs_reconnect"] as const;
export type XeroConnectionStatus = (typeof XERO_CONNECTION_STATUSES)[number];

/**
 * One Xero organisation per workspace. Tokens are sealed (AES-256-GCM, docs/decisions/0006); refreshes lock
 * this row (SELECT … FOR UPDATE) because Xero rotates the refresh token on every use. A connection Xero
 * refuses (revoked, refresh token expired) stays, marked `needs_reconnect`, until the member reconnects.
 */
export const xeroConnections = pgTable(
  "xero_connections",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    connectionId: text().notNull(),
    tenantId: text().notNull(),
    tenantName: text().notNull(),
    /** Sealed with the workspace id and column as context (src/lib/secret-box.ts). */
    accessToken: text().notNull(),
    refreshToken: text().notNull(),
    expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    status: text({ enum: XERO_CONNECTION_STATUSES }).notNull().default("active"),
    /** Why Xero refused the connection, in words a member can act on; null while active. */
    statusReason: text(),
    /** Read from the organisation at connect: dates are the organisation's, amounts its base currency's. */
    timezone: text(),
    baseCurrency: text(),
    /** Workspace defaults for new Xero invoices, chosen in Settings → Integrations. */
    defaultAccountCode: text(),
    brandingThemeId: text(),
    ...timestamps,
  },
  (t) => [uniqueIndex("xero_connections_workspace_unique").on(t.workspaceId)],
);

/**
 * A consent that reached several organisations: the sealed tokens wait here until a member picks one
 * (Settings → Integrations), for as long as a consent request lives.
 */
export const xeroTenantChoices = pgTable("xero_tenant_choices", {
  workspaceId: text()
    .primaryKey()
    .references(() => workspaces.id),
  accessToken: text().notNull(),
  refreshToken: text().notNull(),
  expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  tenants: jsonb().$type<{ connectionId: string; tenantId: string; tenantName: string }[]>().notNull(),
  chooseBy: timestamp({ withTimezone: true, mode: "date" }).notNull(),
});

/** Which Xero tax type a line with a given tax rate (percent) is sent with, per workspace. */
export const xeroTaxMappings = pgTable(
  "xero_tax_mappings",
  {
    workspaceId: workspaceColumn().references(() => workspaces.id),
    taxRate: numeric({ precision: 7, scale: 4 }).notNull(),
    taxType: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.taxRate] })],
);

/** A consent in flight: the OAuth `state` binds the callback to the workspace that started it (PKCE verifier). */
export const xeroAuthRequests = pgTable("xero_auth_requests", {
  /** sha256 of the state, so a database read alone cannot complete someone's consent. */
  stateHash: text().primaryKey(),
  workspaceId: workspaceColumn().references(() => workspaces.id),
  codeVerifier: text().notNull(),
  redirectUri: text().notNull(),
  expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
});

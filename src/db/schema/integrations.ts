import { pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps, workspaceColumn } from "./_columns.ts";
import { workspaces } from "./access.ts";

/**
 * One Xero organisation per workspace. Tokens are stored as issued (docs/decisions/0005); refreshes lock
 * this row (SELECT … FOR UPDATE) because Xero rotates the refresh token on every use.
 */
export const xeroConnections = pgTable(
  "xero_connections",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    connectionId: text().notNull(),
    tenantId: text().notNull(),
    tenantName: text().notNull(),
    accessToken: text().notNull(),
    refreshToken: text().notNull(),
    expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("xero_connections_workspace_unique").on(t.workspaceId)],
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

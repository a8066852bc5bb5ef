import { index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { timestamps, workspaceColumn } from "./_columns.ts";
import { users, workspaces } from "./access.ts";

/**
 * OAuth 2.1 clients registered dynamically (RFC 7591). Public clients only (PKCE, no secret): MCP clients run on
 * people's machines and cannot keep one. Not tenant rows: a client exists before anyone in a workspace approves it.
 */
export const oauthClients = pgTable("oauth_clients", {
  id: text().primaryKey(),
  name: text().notNull(),
  redirectUris: text().array().notNull(),
  ...timestamps,
});

/** What one member approved for one client in one workspace; revoking it ends every token issued under it. */
export const oauthGrants = pgTable(
  "oauth_grants",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    userId: text()
      .notNull()
      .references(() => users.id),
    clientId: text()
      .notNull()
      .references(() => oauthClients.id),
    scopes: text().array().notNull(),
    lastUsedAt: timestamp({ withTimezone: true, mode: "date" }),
    revokedAt: timestamp({ withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [index("oauth_grants_workspace_user_idx").on(t.workspaceId, t.userId)],
);

/** Authorization codes, stored hashed, single-use, bound to the client, redirect URI and PKCE challenge. */
export const oauthCodes = pgTable("oauth_codes", {
  codeHash: text().primaryKey(),
  grantId: text()
    .notNull()
    .references(() => oauthGrants.id),
  clientId: text().notNull(),
  redirectUri: text().notNull(),
  codeChallenge: text().notNull(),
  expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  usedAt: timestamp({ withTimezone: true, mode: "date" }),
  createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const OAUTH_TOKEN_KINDS = ["access", "refresh"] as const;

/** Access and refresh tokens, stored hashed. A refresh token is used once; a second use revokes the grant. */
export const oauthTokens = pgTable(
  "oauth_tokens",
  {
    tokenHash: text().primaryKey(),
    grantId: text()
      .notNull()
      .references(() => oauthGrants.id),
    kind: text({ enum: OAUTH_TOKEN_KINDS }).notNull(),
    expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp({ withTimezone: true, mode: "date" }),
    revokedAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("oauth_tokens_grant_idx").on(t.grantId)],
);

/**
 * Results of money-moving MCP tool calls by idempotency_key, per workspace, credential and tool, so a retried
 * call returns the first result instead of acting twice. An empty result is a claim still running.
 */
export const mcpIdempotency = pgTable(
  "mcp_idempotency",
  {
    workspaceId: workspaceColumn(),
    principal: text().notNull(),
    tool: text().notNull(),
    key: text().notNull(),
    argsHash: text().notNull(),
    result: jsonb(),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.principal, t.tool, t.key] })],
);

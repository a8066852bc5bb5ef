import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps, workspaceColumn } from "./_columns.ts";

export const workspaces = pgTable("workspaces", {
  id: text().primaryKey(),
  name: text().notNull(),
  /**
   * Raised in the same transaction as any change to who may do what (keys, roles, memberships), so every
   * process can tell with one indexed read whether the API keys it has resolved are still as it saw them.
   */
  accessVersion: integer().notNull().default(0),
  ...timestamps,
});

export const users = pgTable(
  "users",
  {
    id: text().primaryKey(),
    email: text().notNull(),
    name: text().notNull().default(""),
    passwordHash: text(),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const ROLE_PRESETS = ["admin", "editor", "viewer"] as const;
export type RolePreset = (typeof ROLE_PRESETS)[number];

export const roles = pgTable(
  "roles",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    name: text().notNull(),
    preset: text({ enum: ROLE_PRESETS }),
    scopes: text().array().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("roles_workspace_name_unique").on(t.workspaceId, t.name)],
);

export const MEMBER_STATUSES = ["active", "invited"] as const;

export const members = pgTable(
  "members",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    userId: text()
      .notNull()
      .references(() => users.id),
    roleId: text()
      .notNull()
      .references(() => roles.id),
    status: text({ enum: MEMBER_STATUSES }).notNull().default("active"),
    inviteTokenHash: text(),
    /** An invite link stops working after this time; null once accepted. */
    inviteExpiresAt: timestamp({ withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("members_workspace_user_unique").on(t.workspaceId, t.userId),
    index("members_role_idx").on(t.roleId),
    uniqueIndex("members_invite_token_unique").on(t.inviteTokenHash),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    createdByUserId: text().references(() => users.id),
    name: text().notNull(),
    /** The first characters of the secret, shown in lists so people can tell keys apart. */
    keyPrefix: text().notNull(),
    keyHash: text().notNull(),
    scopes: text().array().notNull(),
    lastUsedAt: timestamp({ withTimezone: true, mode: "date" }),
    revokedAt: timestamp({ withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("api_keys_hash_unique").on(t.keyHash), index("api_keys_workspace_idx").on(t.workspaceId)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    tokenHash: text().notNull(),
    csrfToken: text().notNull(),
    expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("sessions_token_unique").on(t.tokenHash)],
);

/** Replays of POSTs with the same Idempotency-Key, per credential, kept 24 hours. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    principal: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    responseStatus: integer(),
    responseBody: text(),
    /**
     * While a request holds the key, its lease runs until this time (renewed while it runs); a claim whose
     * lease has passed belongs to a request that died, and a retry takes it over.
     */
    leaseExpiresAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] })],
);

export const AUDIT_ACTIONS = [
  "session.sign_in",
  "session.sign_in_failed",
  "session.switch_workspace",
  "member.invited",
  "member.invite_accepted",
  "member.role_changed",
  "member.removed",
  "role.created",
  "role.updated",
  "role.deleted",
  "api_key.created",
  "api_key.updated",
  "api_key.revoked",
  "integration.connected",
  "integration.disconnected",
  "oauth.grant_created",
  "oauth.grant_revoked",
  "branding.updated",
  "portal_link.created",
  "portal_link.revoked",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Security-relevant changes, written in the same transaction as the change; admins read them. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: text().primaryKey(),
    /** Null for sign-in failures on unknown accounts, which belong to no workspace. */
    workspaceId: text().references(() => workspaces.id),
    action: text({ enum: AUDIT_ACTIONS }).notNull(),
    actorKind: text({ enum: ["member", "api_key", "system", "anonymous"] }).notNull(),
    actorUserId: text(),
    actorKeyId: text(),
    /** The email typed at sign-in, or the actor's email, kept so the log reads well after people leave. */
    actorLabel: text().notNull().default(""),
    targetType: text(),
    targetId: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ip: text(),
    requestId: text(),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("audit_events_workspace_idx").on(t.workspaceId, t.id)],
);

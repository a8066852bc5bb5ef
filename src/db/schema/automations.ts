import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps, workspaceColumn } from "./_columns.ts";
import { workspaces } from "./access.ts";
import { BUSINESS_EVENT_TYPES } from "./payments.ts";

/** One action as stored: the API's fields, plus a webhook's secret sealed (never returned after creation). */
export type StoredAction = {
  id: string;
  type: "send_email" | "call_webhook" | "set_stage" | "set_status" | "add_note";
  continue_on_failure?: boolean;
  secret_sealed?: string;
} & Record<string, unknown>;

export type StoredCondition = { field: string; op: string; value: unknown };
export type StoredConditions = { all?: StoredCondition[]; any?: StoredCondition[] } | null;

/**
 * A workspace's "when this happens, do that". It acts with its owner's scopes as they are at run time, so a
 * demoted owner's automation stops carrying what they may no longer see.
 */
export const automations = pgTable(
  "automations",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    name: text().notNull(),
    enabled: boolean().notNull().default(true),
    triggerType: text({ enum: BUSINESS_EVENT_TYPES }).notNull(),
    trigger: jsonb().$type<Record<string, unknown>>().notNull(),
    conditions: jsonb().$type<StoredConditions>(),
    actions: jsonb().$type<StoredAction[]>().notNull(),
    /** The member who owns it (for a key's automation, the key's creator); runs act with their scopes. */
    ownerUserId: text(),
    /** Set when an API key created it: runs then act with the key's scopes ∩ its creator's role. */
    ownerKeyId: text(),
    ...timestamps,
  },
  (t) => [index("automations_workspace_trigger_idx").on(t.workspaceId, t.triggerType)],
);

export const AUTOMATION_RUN_STATUSES = ["running", "succeeded", "failed"] as const;
export type AutomationRunStatus = (typeof AUTOMATION_RUN_STATUSES)[number];

/**
 * One automation reacting to one event. (automation, event, replay) is unique, so duplicate deliveries and
 * racing syncs create one run; only an admin's explicit replay adds another (replay 1, 2, …).
 */
export const automationRuns = pgTable(
  "automation_runs",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    automationId: text()
      .notNull()
      .references(() => automations.id, { onDelete: "cascade" }),
    eventId: text().notNull(),
    replay: integer().notNull().default(0),
    depth: integer().notNull().default(0),
    status: text({ enum: AUTOMATION_RUN_STATUSES }).notNull().default("running"),
    /** Why the run stopped early (depth limit, owner gone, conditions); null when it ran its actions. */
    note: text(),
    finishedAt: timestamp({ withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("automation_runs_once_unique").on(t.automationId, t.eventId, t.replay),
    index("automation_runs_automation_idx").on(t.automationId, t.id),
  ],
);

export const AUTOMATION_ACTION_STATUSES = ["pending", "running", "succeeded", "failed", "dead", "skipped"] as const;
export type AutomationActionStatus = (typeof AUTOMATION_ACTION_STATUSES)[number];

/** Each action of a run, in order, with its outcome: attempts, HTTP status, response excerpt, next retry. */
export const automationRunActions = pgTable(
  "automation_run_actions",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    runId: text()
      .notNull()
      .references(() => automationRuns.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    actionId: text().notNull(),
    type: text().notNull(),
    status: text({ enum: AUTOMATION_ACTION_STATUSES }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    responseStatus: integer(),
    responseExcerpt: text(),
    error: text(),
    /** What the action did: the queued mail's id, the stage it set, the note's id. */
    result: jsonb().$type<Record<string, unknown>>(),
    nextRetryAt: timestamp({ withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("automation_run_actions_position_unique").on(t.runId, t.position),
    index("automation_run_actions_retry_idx").on(t.status, t.nextRetryAt).where(sql`${t.nextRetryAt} is not null`),
  ],
);

/** A note on an opportunity's timeline (written by automations' add_note action). */
export const opportunityNotes = pgTable(
  "opportunity_notes",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    opportunityId: text().notNull(),
    body: text().notNull(),
    automationRunId: text(),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("opportunity_notes_opportunity_idx").on(t.opportunityId, t.id)],
);

import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps } from "./_columns.ts";

export const JOB_STATUSES = ["queued", "running", "succeeded", "dead"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * The durable queue. Rows are written in the same transaction as the change that causes them, claimed with
 * FOR UPDATE SKIP LOCKED, and a `running` row whose lock is older than the timeout is claimed again
 * (its worker died). Payloads are validated by the job's schema, so jsonb here holds no domain truth.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: text().primaryKey(),
    workspaceId: text(),
    name: text().notNull(),
    payload: jsonb().notNull(),
    status: text({ enum: JOB_STATUSES }).notNull().default("queued"),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    runAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lockedAt: timestamp({ withTimezone: true, mode: "date" }),
    lockedBy: text(),
    lastError: text(),
    dedupeKey: text(),
    finishedAt: timestamp({ withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    index("jobs_claim_idx").on(t.status, t.runAt),
    index("jobs_workspace_status_idx").on(t.workspaceId, t.status),
    // Deterministic keys for schedules and one-shot effects: the same key cannot be queued twice.
    uniqueIndex("jobs_dedupe_unique").on(t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
  ],
);

import type { DbOrTx } from "../db/client.ts";
import { jobs } from "../db/schema/jobs.ts";
import { newId } from "../lib/ids.ts";
import type { JobName, JobPayload } from "./job-payloads.ts";

export type EnqueueOptions = { runAt?: Date; dedupeKey?: string; maxAttempts?: number; workspaceId?: string | null };

/**
 * Writes a job row with the caller's transaction, so the job exists exactly when the change that caused it
 * commits. A dedupe key already queued is skipped (returns null). Name and payload are checked against
 * JOB_PAYLOADS at compile time.
 */
export function enqueue<N extends JobName>(
  db: DbOrTx,
  name: N,
  payload: JobPayload<N>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  return enqueueJob(db, name, payload, options);
}

/** The untyped form, for jobs defined outside Settle's registry (the queue's own tests and benchmarks). */
export async function enqueueJob(
  db: DbOrTx,
  name: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const id = newId("job");
  const rows = await db
    .insert(jobs)
    .values({
      id,
      name,
      payload,
      workspaceId: options.workspaceId ?? null,
      runAt: options.runAt ?? new Date(),
      dedupeKey: options.dedupeKey ?? null,
      maxAttempts: options.maxAttempts ?? 5,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}

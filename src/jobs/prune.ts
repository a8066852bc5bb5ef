import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { jobs } from "../db/schema/jobs.ts";

export const SUCCEEDED_JOB_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Succeeded jobs are kept a week for inspection, then deleted so the queue table stays small and claims stay
 * fast. Dead jobs are kept until someone retries them: they are the record of what went wrong.
 */
export async function pruneSucceededJobs(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(and(eq(jobs.status, "succeeded"), lt(jobs.finishedAt, new Date(now.getTime() - SUCCEEDED_JOB_RETENTION_MS))))
    .returning({ id: jobs.id });
  return rows.length;
}

import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";

export type ClaimedJob = {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  workspaceId: string | null;
};

/**
 * Claims up to `limit` due jobs. SKIP LOCKED lets many workers poll one table without blocking each other;
 * a `running` job whose lock is older than `lockTimeoutMs` belongs to a dead worker and is claimed again.
 */
export async function claimJobs(
  db: Db,
  workerId: string,
  limit: number,
  now: Date,
  lockTimeoutMs: number,
): Promise<ClaimedJob[]> {
  const staleBefore = new Date(now.getTime() - lockTimeoutMs);
  const result = await db.execute(sql`
    update jobs set status = 'running', attempts = attempts + 1, locked_at = ${now}, locked_by = ${workerId}, updated_at = ${now}
    where id in (
      select id from jobs
      where (status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_at < ${staleBefore})
      order by run_at
      limit ${limit}
      for update skip locked
    )
    returning id, name, payload, attempts, max_attempts, workspace_id`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    payload: r.payload,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    workspaceId: r.workspace_id === null ? null : String(r.workspace_id),
  }));
}

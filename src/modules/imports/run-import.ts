import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { imports } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { SCOPES } from "../access/index.ts";
import { applyRecords, groupRecords } from "./apply-records.ts";
import { prepareRows } from "./prepare-rows.ts";

/** Rows written per transaction; progress is committed with each batch. */
const BATCH_ROWS = 100;

/**
 * The background half of an import. Each batch and its progress commit together, so a worker that dies
 * resumes after the last committed batch; rows are matched by the key field, so a batch written twice
 * updates instead of duplicating.
 */
export async function runImport(deps: { db: Db; clock: Clock }, workspaceId: string, importId: string) {
  const where = and(eq(imports.workspaceId, workspaceId), eq(imports.id, importId));
  const [job] = await deps.db.select().from(imports).where(where);
  if (!job || job.dryRun || job.status === "completed" || job.status === "failed") {
    return;
  }
  const ctx: Ctx = { db: deps.db, clock: deps.clock, actor: { kind: "system", workspaceId, scopes: new Set(SCOPES) } };
  const prepared = prepareRows(job.entity, job.csv, job.mapping ?? undefined, job.keyColumn ?? undefined);
  const units = groupRecords(job.entity, prepared);
  await deps.db.update(imports).set({ status: "running", updatedAt: deps.clock.now() }).where(where);
  let seen = 0;
  let batch: typeof units = [];
  let batchRows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const units = batch;
    batch = [];
    batchRows = 0;
    await deps.db.transaction(async (tx) => {
      const outcome = await applyRecords({ ...ctx, db: tx }, job.entity, units, prepared);
      await tx
        .update(imports)
        .set({
          processedRows: sql`${imports.processedRows} + ${outcome.rows}`,
          createdRows: sql`${imports.createdRows} + ${outcome.created}`,
          updatedRows: sql`${imports.updatedRows} + ${outcome.updated}`,
          errors: sql`${imports.errors} || ${JSON.stringify(outcome.errors)}::jsonb`,
          updatedAt: deps.clock.now(),
        })
        .where(where);
    });
  };
  for (const unit of units) {
    seen += unit.length;
    if (seen <= job.processedRows) continue;
    batch.push(unit);
    batchRows += unit.length;
    if (batchRows >= BATCH_ROWS) await flush();
  }
  await flush();
  await deps.db.update(imports).set({ status: "completed", updatedAt: deps.clock.now() }).where(where);
}

/** A job that gave up leaves its import failed, so nobody waits on it. */
export async function failImport(db: Db, workspaceId: string, importId: string, now: Date) {
  await db
    .update(imports)
    .set({ status: "failed", updatedAt: now })
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, importId)));
}

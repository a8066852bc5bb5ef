import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { type Ctx, withTransaction } from "../../context.ts";
import { JOB_STATUSES, jobs } from "../../db/schema/jobs.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { decodeCursor, PageQuery, toPage } from "../../lib/pagination.ts";
import { RecordId } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";

export const ListJobsInput = PageQuery.extend({ status: z.enum(JOB_STATUSES).optional() });

/** The workspace's background jobs, newest first; admins look here for dead ones. */
export async function listJobs(ctx: Ctx, input: z.input<typeof ListJobsInput>) {
  const parsed = parseInput(ListJobsInput, input);
  requireScope(ctx.actor.scopes, "settings:write");
  const after = decodeCursor(parsed.cursor);
  const rows = await ctx.db
    .select()
    .from(jobs)
    .where(
      and(
        eq(jobs.workspaceId, ctx.actor.workspaceId),
        parsed.status ? eq(jobs.status, parsed.status) : undefined,
        after ? lt(jobs.id, after) : undefined,
      ),
    )
    .orderBy(desc(jobs.id))
    .limit(parsed.limit + 1);
  return toPage(rows, parsed.limit);
}

export const RetryJobInput = z.strictObject({ id: RecordId });

/** Puts a dead job back in the queue with a fresh set of attempts. */
export async function retryJob(ctx: Ctx, input: z.input<typeof RetryJobInput>) {
  const { id } = parseInput(RetryJobInput, input);
  requireScope(ctx.actor.scopes, "settings:write");
  return withTransaction(ctx, async (tx) => {
    const [job] = await tx
      .select()
      .from(jobs)
      .where(and(eq(jobs.workspaceId, ctx.actor.workspaceId), eq(jobs.id, id)));
    if (!job) {
      throw notFound("job", id);
    }
    const now = ctx.clock.now();
    const [row] = await tx
      .update(jobs)
      .set({ status: "queued", attempts: 0, runAt: now, finishedAt: null, updatedAt: now })
      .where(and(eq(jobs.id, id), eq(jobs.status, "dead")))
      .returning();
    if (!row) {
      throw new AppError("conflict", `Job ${id} is ${job.status}; only dead jobs can be retried.`);
    }
    return row;
  });
}

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "../../src/db/client.ts";
import { jobs } from "../../src/db/schema/jobs.ts";
import { claimJobs } from "../../src/jobs/claim.ts";
import { defineJob, type JobDefinition } from "../../src/jobs/define-job.ts";
import { enqueueJob } from "../../src/jobs/enqueue.ts";
import { pruneSucceededJobs, SUCCEEDED_JOB_RETENTION_MS } from "../../src/jobs/prune.ts";
import { createJobRunner } from "../../src/jobs/runner.ts";
import { AppError } from "../../src/lib/errors.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { client, createTestApp } from "../support/app.ts";
import { seedWorkspace } from "../support/builders.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
// Ahead of the wall clock, so jobs enqueued "now" (run_at = wall clock) are due for this test clock.
let now = new Date(Date.now() + 3_600_000);
const clock = { now: () => now };
const seen: string[] = [];
let failuresLeft = 0;

const echo = defineJob({
  name: "test.echo",
  schema: z.object({ text: z.string() }),
  handler: async (_ctx, p) => {
    seen.push(p.text);
  },
});
const flaky = defineJob({
  name: "test.flaky",
  schema: z.object({}),
  maxAttempts: 3,
  handler: async () => {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      throw new AppError("upstream_failed", "vendor down");
    }
    seen.push("flaky ok");
  },
});
const refused = defineJob({
  name: "test.refused",
  schema: z.object({}),
  handler: async () => {
    throw new AppError("precondition_failed", "nothing to do");
  },
});
const definitions = [echo, flaky, refused] as JobDefinition[];

function runner(lockTimeoutMs = 60_000) {
  return createJobRunner({
    db: database.db,
    clock,
    logger: createLogger("silent"),
    definitions,
    concurrency: 10,
    lockTimeoutMs,
  });
}
async function statusOf(id: string | null) {
  const [row] = await database.db
    .select()
    .from(jobs)
    .where(eq(jobs.id, id ?? ""));
  return row;
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("the job queue", () => {
  it("runs a job enqueued in a committed transaction and never one from a rolled-back transaction", async () => {
    await database.db.transaction(async (tx) => {
      await enqueueJob(tx, "test.echo", { text: "committed" });
    });
    await database.db
      .transaction(async (tx) => {
        await enqueueJob(tx, "test.echo", { text: "rolled back" });
        throw new Error("abort");
      })
      .catch(() => undefined);
    await runner().drainOnce();
    expect(seen).toContain("committed");
    expect(seen).not.toContain("rolled back");
  });

  it("retries retryable failures with growing backoff, then succeeds", async () => {
    failuresLeft = 2;
    const id = await enqueueJob(database.db, "test.flaky", {});
    const r = runner();
    await r.drainOnce();
    const first = await statusOf(id);
    expect(first).toMatchObject({ status: "queued", attempts: 1, lastError: "vendor down" });
    expect(first?.runAt.getTime()).toBeGreaterThan(now.getTime());
    expect(await r.drainOnce()).toBe(0);
    now = new Date(now.getTime() + 60_000);
    await r.drainOnce();
    now = new Date(now.getTime() + 60_000);
    await r.drainOnce();
    expect(await statusOf(id)).toMatchObject({ status: "succeeded", attempts: 3 });
  });

  it("marks a job dead after its attempts, or at once for a non-retryable error", async () => {
    failuresLeft = 10;
    const flakyId = await enqueueJob(database.db, "test.flaky", {});
    const refusedId = await enqueueJob(database.db, "test.refused", {});
    const r = runner();
    for (let i = 0; i < 4; i++) {
      await r.drainOnce();
      now = new Date(now.getTime() + 10 * 60_000);
    }
    expect(await statusOf(flakyId)).toMatchObject({ status: "dead", attempts: 3 });
    expect(await statusOf(refusedId)).toMatchObject({ status: "dead", attempts: 1, lastError: "nothing to do" });
  });

  it("claims again a job whose worker died mid-run (its lock timed out)", async () => {
    const id = await enqueueJob(database.db, "test.echo", { text: "orphan" });
    // A worker claims it and is killed before finishing: the row stays `running` with its lock.
    const claimed = await claimJobs(database.db, "wrk_killed", 10, now, 60_000);
    expect(claimed.map((j) => j.id)).toEqual([id]);
    expect(await runner(60_000).drainOnce()).toBe(0);
    now = new Date(now.getTime() + 61_000);
    await runner(60_000).drainOnce();
    expect(await statusOf(id)).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(seen).toContain("orphan");
  });

  it("queues a dedupe key once", async () => {
    const a = await enqueueJob(database.db, "test.echo", { text: "once" }, { dedupeKey: "k1" });
    const b = await enqueueJob(database.db, "test.echo", { text: "once" }, { dedupeKey: "k1" });
    expect(a).toBeTruthy();
    expect(b).toBeNull();
  });

  it("lets two runners drain one queue without running a job twice", async () => {
    const texts = Array.from({ length: 40 }, (_, i) => `parallel ${i}`);
    for (const text of texts) {
      await enqueueJob(database.db, "test.echo", { text });
    }
    const a = runner();
    const b = runner();
    while ((await Promise.all([a.drainOnce(), b.drainOnce()])).some((n) => n > 0)) {
      // keep draining
    }
    for (const text of texts) {
      expect(seen.filter((s) => s === text)).toHaveLength(1);
    }
  });

  it("shows dead jobs to admins and retries them", async () => {
    const ws = await seedWorkspace(database, "Ops");
    const id = await enqueueJob(database.db, "test.refused", {}, { workspaceId: ws.workspaceId });
    await runner().drainOnce();
    const api = client(createTestApp(database), ws.apiKey);
    const dead = await api.get("/api/v1/jobs?status=dead");
    expect(dead.body.data.map((j: { id: string }) => j.id)).toEqual([id]);
    const retried = await api.post(`/api/v1/jobs/${id}/retry`);
    expect(retried.body).toMatchObject({ status: "queued", attempts: 0 });
    expect((await api.post(`/api/v1/jobs/${id}/retry`)).status).toBe(409);
  });
});

describe("retention", () => {
  it("deletes succeeded jobs after a week and keeps dead ones", async () => {
    const done = await enqueueJob(database.db, "test.echo", { text: "old" });
    const dead = await enqueueJob(database.db, "test.refused", {});
    await runner().drainOnce();
    const weekLater = new Date(now.getTime() + SUCCEEDED_JOB_RETENTION_MS + 60_000);
    expect(await pruneSucceededJobs(database.db, weekLater)).toBeGreaterThan(0);
    expect(await statusOf(done)).toBeUndefined();
    expect(await statusOf(dead)).toMatchObject({ status: "dead" });
  });
});

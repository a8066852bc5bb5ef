import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "../../src/db/client.ts";
import { defineJob, type JobDefinition } from "../../src/jobs/define-job.ts";
import { enqueueJob } from "../../src/jobs/enqueue.ts";
import { createForeground } from "../../src/jobs/foreground.ts";
import { createJobRunner } from "../../src/jobs/runner.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { createTestApp } from "../support/app.ts";
import { createTestDatabase } from "../support/test-db.ts";

let database: Database;
// Ahead of the wall clock, so jobs enqueued "now" are due for this test clock.
const clock = { now: () => new Date(Date.now() + 3_600_000) };
const ranAt: number[] = [];
const spans: Array<{ start: number; end: number }> = [];
/** Set by a test to simulate a request arriving while a job runs. */
let duringJob: () => void = () => undefined;
const slow = defineJob({
  name: "test.slow",
  schema: z.object({ ms: z.number().default(20) }),
  handler: async (_ctx, payload) => {
    const start = performance.now();
    duringJob();
    await new Promise((resolve) => setTimeout(resolve, payload.ms));
    spans.push({ start, end: performance.now() });
  },
});
const stamp = defineJob({
  name: "test.stamp",
  schema: z.object({}),
  handler: async () => {
    ranAt.push(performance.now());
  },
});

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

function runnerWith(foreground: ReturnType<typeof createForeground>) {
  return createJobRunner({
    db: database.db,
    clock,
    logger: createLogger("silent"),
    definitions: [stamp, slow] as JobDefinition[],
    foreground,
  });
}

/** Runs two jobs of `ms` each while a request arrives during every job; the ms between the first's end and the second's start. */
async function restAfterJobWithRequests(ms: number): Promise<number> {
  const foreground = createForeground();
  for (let i = 0; i < 2; i++) await enqueueJob(database.db, "test.slow", { ms });
  spans.length = 0;
  duringJob = () => {
    foreground.enter();
    foreground.leave();
  };
  try {
    expect(await runnerWith(foreground).drainOnce()).toBe(2);
  } finally {
    duringJob = () => undefined;
  }
  const [first, second] = [...spans].sort((a, b) => a.start - b.start);
  return (second?.start ?? 0) - (first?.end ?? 0);
}

describe("an in-process worker beside the HTTP server", () => {
  it("counts every request as in flight until it is answered, errors included", async () => {
    const foreground = createForeground();
    const seenInside: number[] = [];
    const app = createTestApp(database, {
      foreground,
      mounts: [
        {
          prefix: "/probe",
          app: {
            fetch: () => {
              seenInside.push(foreground.inFlight);
              return new Response("ok");
            },
          },
        },
      ],
    });
    expect((await app.request("/probe")).status).toBe(200);
    expect((await app.request("/api/v1/opportunities")).status).toBe(401);
    expect(seenInside).toEqual([1]);
    expect(foreground.inFlight).toBe(0);
  });

  it("starts no job while a request is being answered, and starts it as soon as the request ends", async () => {
    const foreground = createForeground();
    await enqueueJob(database.db, "test.stamp", {});
    ranAt.length = 0;
    foreground.enter();
    const draining = runnerWith(foreground).drainOnce();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ranAt).toEqual([]);
    const answered = performance.now();
    foreground.leave();
    expect(await draining).toBe(1);
    expect(ranAt).toHaveLength(1);
    expect(ranAt[0]).toBeGreaterThanOrEqual(answered);
  });

  it("is slowed, not stopped, by requests that never pause", async () => {
    const foreground = createForeground();
    await enqueueJob(database.db, "test.stamp", {});
    ranAt.length = 0;
    foreground.enter();
    try {
      expect(await runnerWith(foreground).drainOnce()).toBe(1);
      expect(ranAt).toHaveLength(1);
    } finally {
      foreground.leave();
    }
  });

  it("runs a batch one job at a time, so a request waits behind one job at most", async () => {
    const foreground = createForeground();
    for (let i = 0; i < 3; i++) await enqueueJob(database.db, "test.slow", {});
    spans.length = 0;
    duringJob = () => undefined;
    expect(await runnerWith(foreground).drainOnce()).toBe(3);
    const ordered = [...spans].sort((a, b) => a.start - b.start);
    for (let i = 1; i < ordered.length; i++) {
      expect(ordered[i]?.start).toBeGreaterThanOrEqual(ordered[i - 1]?.end ?? Number.POSITIVE_INFINITY);
    }
  });

  it("rests between jobs twice as long as the last one ran while requests keep arriving", async () => {
    const gap = await restAfterJobWithRequests(20);
    // The first job ran at least 20 ms, so the second starts at least twice as long after it ended.
    expect(gap).toBeGreaterThanOrEqual(35);
  });

  it("rests at most 50 ms after a long job, which mostly waited on the network", async () => {
    const gap = await restAfterJobWithRequests(300);
    expect(gap).toBeGreaterThanOrEqual(45);
    expect(gap).toBeLessThan(300);
  });
});

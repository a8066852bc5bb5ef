import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import pg from "pg";
import { z } from "zod";
import type { Database } from "../src/db/client.ts";
import { jobs } from "../src/db/schema/jobs.ts";
import { defineJob, type JobDefinition } from "../src/jobs/define-job.ts";
import { createJobRunner } from "../src/jobs/runner.ts";
import { systemClock } from "../src/lib/clock.ts";
import { newId } from "../src/lib/ids.ts";
import { createLogger } from "../src/lib/logger.ts";
import { benchDatabases, printTable } from "./support.ts";

const JOB_COUNT = Number(process.env.BENCH_JOBS ?? 10_000);
const BATCH = 50;

async function seedJobs(database: Database): Promise<void> {
  for (let i = 0; i < JOB_COUNT; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, JOB_COUNT - i) }, (_, k) => ({
      id: newId("job"),
      name: "bench.noop",
      payload: { n: i + k },
    }));
    await database.db.insert(jobs).values(rows);
  }
}

/** Our queue: claim BATCH at a time with SKIP LOCKED, run a no-op, mark succeeded. */
async function drainOurs(database: Database): Promise<number> {
  await database.db.execute(sql`delete from jobs`);
  await seedJobs(database);
  let done = 0;
  const noop = defineJob({
    name: "bench.noop",
    schema: z.object({ n: z.number() }),
    handler: async () => {
      done += 1;
    },
  });
  const runner = createJobRunner({
    db: database.db,
    clock: systemClock,
    logger: createLogger("silent"),
    definitions: [noop as JobDefinition],
    concurrency: BATCH,
  });
  const started = performance.now();
  while (done < JOB_COUNT) {
    await runner.drainOnce();
  }
  return Math.round(JOB_COUNT / ((performance.now() - started) / 1000));
}

/** pg-boss on the same PostgreSQL, same batch size and a no-op handler, in a throwaway schema. */
async function drainPgBoss(url: string): Promise<number> {
  const module = (await import("pg-boss")) as unknown as {
    default: new (o: object) => any;
    PgBoss?: new (o: object) => any;
  };
  const PgBoss = module.PgBoss ?? module.default;
  const schema = `pgboss_bench_${randomBytes(4).toString("hex")}`;
  const boss = new PgBoss({ connectionString: url, schema, supervise: false, schedule: false });
  boss.on("error", () => undefined);
  await boss.start();
  await boss.createQueue("bench");
  for (let i = 0; i < JOB_COUNT; i += 1000) {
    await boss.insert(
      Array.from({ length: Math.min(1000, JOB_COUNT - i) }, (_, k) => ({ name: "bench", data: { n: i + k } })),
    );
  }
  // The same loop as ours: fetch a batch, run a no-op, complete the batch, until the queue is empty.
  let done = 0;
  const started = performance.now();
  while (done < JOB_COUNT) {
    const batch: { id: string }[] = await boss.fetch("bench", { batchSize: BATCH });
    if (batch.length === 0) {
      continue;
    }
    await boss.complete(
      "bench",
      batch.map((j) => j.id),
    );
    done += batch.length;
  }
  const rate = Math.round(JOB_COUNT / ((performance.now() - started) / 1000));
  await boss.stop({ graceful: false, wait: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
  return rate;
}

export async function runJobsBench(): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const { label, open } of benchDatabases()) {
    const database = await open();
    rows.push({ queue: "settle jobs", db: label, jobs: JOB_COUNT, jobs_per_s: await drainOurs(database) });
    await database.close();
  }
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    rows.push({ queue: "pg-boss (baseline)", db: "postgres", jobs: JOB_COUNT, jobs_per_s: await drainPgBoss(url) });
  }
  printTable(`Draining ${JOB_COUNT} no-op jobs, batch ${BATCH}`, rows);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runJobsBench();
  process.exit(0);
}

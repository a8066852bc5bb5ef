import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import type { Db } from "../../db/client.ts";
import { MIGRATIONS_FOLDER } from "../../db/migrate.ts";
import { JOB_STATUSES } from "../../db/schema/jobs.ts";
import type { Clock } from "../../lib/clock.ts";
import { jobsInState, jobsOldestAge, metricsRegistry } from "../../lib/metrics.ts";
import type { AppEnv } from "../env.ts";
import { unknownRoute } from "../errors.ts";
import { isLoopbackCaller, sameSecret } from "./internal-admin.ts";

/** A probe that does not answer in this time counts as a database that does not answer. */
const PROBE_TIMEOUT_MS = 3_000;

type Migration = { tag: string; when: number };

let shipped: Migration[] | undefined;
/** The migrations this version ships (drizzle-kit's journal), in order; read once. */
function shippedMigrations(): Migration[] {
  shipped ??= (
    JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: Migration[] }
  ).entries.map((e) => ({ tag: e.tag, when: e.when }));
  return shipped;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

type Problem = {
  code: "database_unavailable" | "migrations_pending";
  message: string;
  fix: string;
  cause?: unknown;
};

/**
 * Drizzle's migrator applies, in journal order, every migration newer than the newest one recorded in
 * drizzle.__drizzle_migrations, so the database is current when that record is at least as new as the
 * newest file. A database ahead of this version (a newer one migrated it) stays ready: migrations only add,
 * and taking older processes out of service during a rolling deploy would leave nothing serving.
 */
async function readinessProblem(db: Db): Promise<Problem | null> {
  let newestApplied: number | null;
  try {
    newestApplied = await withTimeout(
      (async () => {
        const [table] = rowsOf(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') as name`));
        if (!table?.name) {
          return null;
        }
        const [row] = rowsOf(await db.execute(sql`select max(created_at) as newest from drizzle.__drizzle_migrations`));
        return row?.newest === null || row?.newest === undefined ? null : Number(row.newest);
      })(),
      "The database check",
    );
  } catch (error) {
    return {
      code: "database_unavailable",
      message: "The database did not answer.",
      fix: "Check that the database is running and reachable with DATABASE_URL; the server log has the error.",
      cause: error,
    };
  }
  const pending = shippedMigrations().filter((m) => newestApplied === null || m.when > newestApplied);
  if (pending.length === 0) {
    return null;
  }
  return {
    code: "migrations_pending",
    message: `The database lacks ${pending.length} of this version's migrations: ${pending.map((m) => m.tag).join(", ")}.`,
    fix: "Run `npx settle migrate` against this database (the embedded database migrates at start).",
  };
}

/** Queue depth and the oldest job's age per state, from the jobs table at scrape time. */
async function refreshJobGauges(db: Db, now: Date): Promise<void> {
  const rows = rowsOf(
    await db.execute(sql`
      select status, count(*) as n,
        min(case when status = 'queued' then (case when run_at <= ${now} then run_at end) else updated_at end) as since
      from jobs group by status`),
  );
  for (const state of JOB_STATUSES) {
    const row = rows.find((r) => r.status === state);
    const since = row?.since ? new Date(row.since as string | Date).getTime() : null;
    jobsInState.set({ state }, Number(row?.n ?? 0));
    jobsOldestAge.set({ state }, since === null ? 0 : Math.max(0, (now.getTime() - since) / 1000));
  }
}

/** A request a proxy forwarded comes from loopback too when the proxy runs on this host: it is not local. */
function isProxied(c: { req: { header(name: string): string | undefined } }): boolean {
  return ["forwarded", "x-forwarded-for", "x-real-ip"].some((name) => c.req.header(name) !== undefined);
}

/**
 * Operations endpoints outside /api: readiness for load balancers and orchestrators (liveness is /health),
 * and Prometheus metrics. /metrics answers loopback callers that no proxy forwarded, and anyone presenting
 * METRICS_TOKEN as a bearer token; everyone else gets the same 404 as a path that does not exist.
 */
export function opsRoutes(deps: { db: Db; clock: Clock; metricsToken?: string | undefined }) {
  const hidden = unknownRoute([]);
  return (
    new Hono<AppEnv>()
      .get("/ready", async (c) => {
        c.header("Cache-Control", "no-store");
        const problem = await readinessProblem(deps.db);
        if (!problem) {
          return c.json({ status: "ready" }, 200);
        }
        const { code, message, fix, cause } = problem;
        c.get("logger").warn({ code, err: cause }, message);
        return c.json({ error: { code, message, fix, request_id: c.get("requestId") } }, 503);
      })
      // Every method, so that a caller who may not scrape cannot tell the path from an unknown one by a 405.
      .all("/metrics", async (c) => {
        const token = deps.metricsToken;
        const bearer = c.req.header("authorization") ?? "";
        const allowed =
          (token !== undefined && sameSecret(bearer, `Bearer ${token}`)) || (isLoopbackCaller(c) && !isProxied(c));
        if (!allowed || (c.req.method !== "GET" && c.req.method !== "HEAD")) {
          return hidden(c);
        }
        try {
          await withTimeout(refreshJobGauges(deps.db, deps.clock.now()), "Counting jobs");
        } catch (error) {
          // The process's own metrics are still worth serving; stale queue numbers are not.
          jobsInState.reset();
          jobsOldestAge.reset();
          c.get("logger").warn({ err: error }, "job metrics unavailable");
        }
        c.header("Cache-Control", "no-store");
        return c.body(await metricsRegistry.metrics(), 200, { "Content-Type": metricsRegistry.contentType });
      })
  );
}

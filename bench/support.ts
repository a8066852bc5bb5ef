import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import type { Database } from "../src/db/client.ts";
import { createTestApp } from "../tests/support/app.ts";
import { createTestDatabase } from "../tests/support/test-db.ts";

export const BENCH_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

/** The databases a benchmark runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function benchDatabases(): { label: string; open: () => Promise<Database & { url?: string }> }[] {
  const pglite = { label: "pglite", open: () => withoutEnv("TEST_DATABASE_URL", createTestDatabase) };
  return process.env.TEST_DATABASE_URL ? [pglite, { label: "postgres", open: createTestDatabase }] : [pglite];
}

async function withoutEnv<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env[name];
  delete process.env[name];
  try {
    return await fn();
  } finally {
    if (saved !== undefined) {
      process.env[name] = saved;
    }
  }
}

export async function serveApp(database: Database) {
  const app = createTestApp(database);
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => done(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

export type LoadResult = { rps: number; p99_ms: number; errors: number; non2xx: number };

/** A bounded autocannon run against loopback only. */
export async function load(url: string, headers: Record<string, string> = {}, connections = 10): Promise<LoadResult> {
  const result = await autocannon({ url, headers, connections, duration: BENCH_SECONDS });
  return {
    rps: Math.round(result.requests.average),
    p99_ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function printTable(title: string, rows: Record<string, unknown>[]): void {
  process.stdout.write(`\n${title}\n`);
  console.table(rows);
}

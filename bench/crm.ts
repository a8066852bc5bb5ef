// CRM bench: throughput and p99 of GET /api/v1/opportunities/:id/products (20 lines) beside GET /health,
// on PGlite (and PostgreSQL when TEST_DATABASE_URL is set), before and after bulk-seeding a large workspace.
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client.ts";
import { openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { createTestApp } from "../tests/support/app.ts";
import { seedWorkspace } from "../tests/support/builders.ts";
import { seedDeal } from "../tests/support/crm-builders.ts";
import { createTestDatabase } from "../tests/support/test-db.ts";
import { printTable } from "./support.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const BULK_OPPORTUNITIES = 10_000;
const LINES_PER_OPPORTUNITY = 20;

type Row = { db: string; route: string; rps: number; p99_ms: number; non_2xx: number };

async function measure(url: string, key: string | undefined): Promise<Omit<Row, "db" | "route">> {
  const result = await autocannon({
    url,
    connections: 10,
    duration: SECONDS,
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  return {
    rps: Math.round(result.requests.average),
    p99_ms: result.latency.p99,
    non_2xx: result.non2xx + result.errors,
  };
}

/** Plain SQL with generate_series: 10k opportunities × 20 lines in two statements. */
async function bulkSeed(database: Database, workspaceId: string, companyId: string, productId: string) {
  await database.db.execute(sql`
    insert into opportunities (id, workspace_id, name, company_id, currency)
    select 'opp_Bulk' || g, ${workspaceId}, 'Bulk deal ' || g, ${companyId}, 'USD'
    from generate_series(1, ${BULK_OPPORTUNITIES}) g`);
  await database.db.execute(sql`
    insert into product_lines (id, workspace_id, opportunity_id, product_id, quantity, unit_amount, sort_order)
    select 'line_Bulk' || g, ${workspaceId}, 'opp_Bulk' || ((g - 1) / ${LINES_PER_OPPORTUNITY} + 1), ${productId},
      1 + g % 5, 1000 + g % 997, (g - 1) % ${LINES_PER_OPPORTUNITY}
    from generate_series(1, ${BULK_OPPORTUNITIES * LINES_PER_OPPORTUNITY}) g`);
  await database.db.execute(sql`analyze`);
}

async function benchOn(label: string, database: Database): Promise<Row[]> {
  const ws = await seedWorkspace(database, `Bench ${label}`);
  const deal = await seedDeal(ws.ctx, LINES_PER_OPPORTUNITY);
  const app = createTestApp(database, { rateLimitPerMinute: 100_000_000 });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const linesUrl = `${base}/api/v1/opportunities/${deal.opportunity.id}/products`;
  const rows: Row[] = [];
  try {
    rows.push({ db: label, route: "GET /health", ...(await measure(`${base}/health`, undefined)) });
    rows.push({ db: label, route: "GET lines (20)", ...(await measure(linesUrl, ws.apiKey)) });
    const started = Date.now();
    await bulkSeed(database, ws.workspaceId, deal.company.id, deal.product.id);
    const seeded = `+10k opps/200k lines, seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`;
    rows.push({ db: label, route: `GET lines (20) ${seeded}`, ...(await measure(linesUrl, ws.apiKey)) });
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  }
  return rows;
}

export async function runCrmBench(): Promise<Record<string, unknown>> {
  const pglite = await openDatabase({ pglite: await PGlite.create() });
  await migrateDatabase(pglite);
  const rows = await benchOn("pglite", pglite);
  if (process.env.TEST_DATABASE_URL) {
    rows.push(...(await benchOn("postgres", await createTestDatabase())));
  }
  printTable(`Opportunity lines route (${SECONDS} s per run, 10 connections)`, rows);
  return { seconds_per_run: SECONDS, connections: 10, rows };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCrmBench();
  process.exit(0);
}

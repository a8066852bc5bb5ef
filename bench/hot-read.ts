// Hot read bench: the opportunity reads API clients poll, each beside GET /health and a bare reference (Hono
// and the driver alone running the same two queries: bench/reference-server.ts), in a workspace with 1,000 lines
// and one with 200,000 (10,000 opportunities × 20 lines), each in its own database, served side by side. Every
// route is measured at both sizes one after the other, in several rounds, and the median kept, so load elsewhere
// on the machine skews a round, not the comparison. Targets: lines read ≥ 70% of the reference's req/s; its p50
// at 200k lines ≤ 1.2× its p50 at 1k; the list of 50 opportunities at p50 ≤ 2× the one-opportunity read at 200k.
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client.ts";
import { approveInvoice, createInvoice } from "../src/modules/invoices/index.ts";
import { createTestApp } from "../tests/support/app.ts";
import { keyWithScopes, seedWorkspace } from "../tests/support/builders.ts";
import { seedDeal } from "../tests/support/crm-builders.ts";
import { serveReference } from "./reference-server.ts";
import { benchDatabases, printTable } from "./support.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.HOT_READ_ROUNDS ?? 3);
const WARMUP_SECONDS = Math.min(2, SECONDS);
const CONNECTIONS = 10;
const LINES_PER_OPPORTUNITY = 20;
const SMALL_OPPORTUNITIES = 50;
const LARGE_OPPORTUNITIES = 10_000;

const ROUTES = {
  health: "GET /health",
  reference: "reference: lines (20)",
  lines: "GET /opportunities/{id}/products (20 lines)",
  list: "GET /opportunities?limit=50",
  one: "GET /opportunities/{id}?expand=products",
  invoices: "GET /opportunities/{id}/invoices (2)",
} as const;

type Figures = { rps: number; p50_ms: number; p99_ms: number; non_2xx: number };
type Row = { db: string; lines_in_workspace: string; route: string } & Figures;

/** One load run. Latency percentiles come from every response's own time (autocannon's table rounds to ms). */
async function once(url: string, headers: Record<string, string>, seconds: number): Promise<Figures> {
  const times: number[] = [];
  // Called without a callback autocannon returns its instance, an event emitter that is also a promise.
  const instance = autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
  (instance as unknown as NodeJS.EventEmitter).on("response", (_client, _status, _bytes, ms: number) => times.push(ms));
  const result = await instance;
  times.sort((a, b) => a - b);
  const at = (q: number) => Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2));
  return {
    rps: Math.round(result.requests.average),
    p50_ms: at(0.5),
    p99_ms: at(0.99),
    non_2xx: result.non2xx + result.errors,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Each route warmed up once, then ROUNDS rounds over all routes in turn; medians per route. */
async function measureAll(targets: { route: string; url: string; key?: string }[]): Promise<Map<string, Figures>> {
  const runs = new Map<string, Figures[]>();
  const headersOf = (key?: string): Record<string, string> => (key ? { authorization: `Bearer ${key}` } : {});
  for (const target of targets) {
    await once(target.url, headersOf(target.key), WARMUP_SECONDS);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of targets) {
      const figures = await once(target.url, headersOf(target.key), SECONDS);
      runs.set(target.route, [...(runs.get(target.route) ?? []), figures]);
    }
  }
  return new Map(
    [...runs].map(([route, all]) => [
      route,
      {
        rps: Math.round(median(all.map((f) => f.rps))),
        p50_ms: Number(median(all.map((f) => f.p50_ms)).toFixed(2)),
        p99_ms: Number(median(all.map((f) => f.p99_ms)).toFixed(2)),
        non_2xx: all.reduce((n, f) => n + f.non_2xx, 0),
      },
    ]),
  );
}

/** Opportunities numbered from..to (ids sort below every real id), each with 20 lines; plain SQL. */
async function bulkSeed(
  database: Database,
  ids: { workspaceId: string; companyId: string; productId: string },
  from: number,
  to: number,
) {
  await database.db.execute(sql`
    insert into opportunities (id, workspace_id, name, company_id, currency)
    select 'opp_0Bulk' || lpad(g::text, 6, '0'), ${ids.workspaceId}, 'Bulk deal ' || g, ${ids.companyId}, 'USD'
    from generate_series(${from}::int, ${to}::int) g`);
  // Lines go in round by round across all opportunities, so one opportunity's lines sit on different pages, as
  // they do when lines are added over time.
  await database.db.execute(sql`
    insert into product_lines (id, workspace_id, opportunity_id, product_id, quantity, unit_amount,
      discount_percent, sort_order)
    select 'line_0Bulk' || lpad(o::text, 6, '0') || '_' || n, ${ids.workspaceId}, 'opp_0Bulk' || lpad(o::text, 6, '0'),
      ${ids.productId}, 1 + (o + n) % 5, 1000 + (o * 7 + n) % 997, ((o + n) % 3) * 12.5, n
    from generate_series(0, ${LINES_PER_OPPORTUNITY - 1}::int) n, generate_series(${from}::int, ${to}::int) o
    order by n, o`);
  await database.db.execute(sql`analyze`);
}

/** Settle as `settle start` serves it, with the per-key rate limit raised out of the way. */
async function serveSettle(database: Database) {
  const app = createTestApp(database, { rateLimitPerMinute: 100_000_000 });
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => done(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

type Served = { lines: string; targets: { route: string; url: string; key?: string }[]; close(): Promise<void> };

/** One workspace with `opportunities` × 20 lines in its own database, served by Settle and by the reference. */
async function serveWorkspace(label: string, database: Database, opportunities: number): Promise<Served> {
  const ws = await seedWorkspace(database, `Hot read ${label}`);
  const deal = await seedDeal(ws.ctx, LINES_PER_OPPORTUNITY);
  const deposit = await createInvoice(ws.ctx, { opportunity_id: deal.opportunity.id, portion: "deposit" });
  await approveInvoice(ws.ctx, { id: deposit.id });
  await createInvoice(ws.ctx, {
    opportunity_id: deal.opportunity.id,
    portion: "balance",
    confirm_double_billing: true,
  });
  // A scoped key, as integrations use: it reads opportunities and sees payment status.
  const key = await keyWithScopes(database, ws, ["opportunities:read", "invoices:read"]);
  const started = Date.now();
  const ids = { workspaceId: ws.workspaceId, companyId: deal.company.id, productId: deal.product.id };
  await bulkSeed(database, ids, 1, opportunities - 1);
  const lines = (opportunities * LINES_PER_OPPORTUNITY).toLocaleString("en-US");
  process.stdout.write(`${label}: ${lines} lines seeded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const settle = await serveSettle(database);
  const reference = await serveReference(database);
  const opportunity = `/api/v1/opportunities/${deal.opportunity.id}`;
  return {
    lines,
    targets: [
      { route: ROUTES.health, url: `${settle.url}/health` },
      { route: ROUTES.reference, url: `${reference.url}${opportunity}/products`, key },
      { route: ROUTES.lines, url: `${settle.url}${opportunity}/products`, key },
      { route: ROUTES.list, url: `${settle.url}/api/v1/opportunities?limit=50`, key },
      { route: ROUTES.one, url: `${settle.url}${opportunity}?expand=products`, key },
      { route: ROUTES.invoices, url: `${settle.url}${opportunity}/invoices`, key },
    ],
    close: async () => {
      await reference.close();
      await settle.close();
      await database.close();
    },
  };
}

async function benchOn(label: string, open: () => Promise<Database>): Promise<Row[]> {
  const small = await serveWorkspace(label, await open(), SMALL_OPPORTUNITIES);
  const large = await serveWorkspace(label, await open(), LARGE_OPPORTUNITIES);
  try {
    // Each route at 1k then at 200k lines, so the two sizes are always measured moments apart.
    const targets = small.targets.flatMap((target, i) => {
      const other = large.targets[i];
      return other
        ? [
            { ...target, size: small.lines },
            { ...other, size: large.lines },
          ]
        : [];
    });
    const figures = await measureAll(targets.map((t) => ({ ...t, route: `${t.size}|${t.route}` })));
    const rows = [...figures].map(([key, f]) => {
      const [lines = "", route = ""] = key.split("|");
      return { db: label, lines_in_workspace: lines, route, ...f };
    });
    return [
      ...rows.filter((r) => r.lines_in_workspace === small.lines),
      ...rows.filter((r) => r.lines_in_workspace === large.lines),
    ];
  } finally {
    await small.close();
    await large.close();
  }
}

/** The targets, checked on the rows of each database. */
function checks(rows: Row[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const ratio = (a: number, b: number) => Number((a / Math.max(b, 0.001)).toFixed(2));
  for (const db of [...new Set(rows.map((r) => r.db))]) {
    const at = (lines: string, route: string) =>
      rows.find((r) => r.db === db && r.lines_in_workspace === lines && r.route === route);
    const small = at("1,000", ROUTES.lines);
    const large = at("200,000", ROUTES.lines);
    const list = at("200,000", ROUTES.list);
    const one = at("200,000", ROUTES.one);
    const refSmall = at("1,000", ROUTES.reference);
    const refLarge = at("200,000", ROUTES.reference);
    if (!small || !large || !list || !one || !refSmall || !refLarge) continue;
    const target = (check: string, value: number, limit: number, atLeast = false) =>
      out.push({
        db,
        check,
        value,
        target: `${atLeast ? "≥" : "≤"} ${limit}`,
        met: atLeast ? value >= limit : value <= limit,
      });
    target("lines req/s ÷ reference req/s, 1k lines", ratio(small.rps, refSmall.rps), 0.7, true);
    target("lines req/s ÷ reference req/s, 200k lines", ratio(large.rps, refLarge.rps), 0.7, true);
    target("lines p50 at 200k ÷ p50 at 1k", ratio(large.p50_ms, small.p50_ms), 1.2);
    target("list p50 ÷ lines p50, 200k lines", ratio(list.p50_ms, large.p50_ms), 2);
    out.push({
      db,
      check: "one opportunity + lines p50 ÷ lines p50, 200k lines",
      value: ratio(one.p50_ms, large.p50_ms),
    });
  }
  return out;
}

export async function runHotReadBench(): Promise<Record<string, unknown>> {
  const rows: Row[] = [];
  for (const { label, open } of benchDatabases()) {
    rows.push(...(await benchOn(label, open)));
  }
  printTable(
    `Hot reads (median of ${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections, after ${WARMUP_SECONDS} s warm-up)`,
    rows,
  );
  const results = checks(rows);
  printTable("Hot read targets", results);
  return { seconds_per_run: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, rows, checks: results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runHotReadBench();
  process.exit(0);
}

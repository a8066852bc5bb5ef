// CRM lists bench: latency of the company list (newest, by name, substring), search, the opportunity list,
// the receivables report and a full companies CSV export, in a workspace of 50,000 companies and 200,000
// lines, beside the same calls in a small workspace (100 companies) and a bare `select 1` round trip, on PGlite and
// (with TEST_DATABASE_URL) PostgreSQL, in the same run.
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import type { Ctx } from "../src/context.ts";
import type { Database } from "../src/db/client.ts";
import { createCompany, createProduct, listCompanies } from "../src/modules/crm/index.ts";
import { companiesCsv } from "../src/modules/exports/index.ts";
import { listOpportunities } from "../src/modules/opportunities/index.ts";
import { getReceivables } from "../src/modules/reports/index.ts";
import { search } from "../src/modules/search/index.ts";
import { seedWorkspace } from "../tests/support/builders.ts";
import { benchDatabases, printTable } from "./support.ts";

const COMPANIES = 50_000;
const OPPORTUNITIES = 10_000;
const LINES_PER_OPPORTUNITY = 20;
const INVOICES = 5_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

/** Plain SQL with generate_series, so seeding the large workspace takes seconds, not hours. */
export async function bulkSeed(
  database: Database,
  ctx: Ctx,
  companies: number,
  opportunities: number,
  invoices: number,
) {
  const ws = ctx.actor.workspaceId;
  const tag = ws.slice(-6);
  const product = await createProduct(ctx, { name: "Bulk product", unit_amount: 1000, currency: "USD" });
  await database.db.execute(sql`
    insert into companies (id, workspace_id, name, email)
    select 'co_B' || ${tag} || lpad(g::text, 7, '0'), ${ws},
      initcap(substr(md5(g::text), 1, 7)) || ' ' || (array['Dental','Builders','Legal','Cafe','Physio','Tours'])[g % 6 + 1],
      'hello' || g || '@example.test'
    from generate_series(1, ${companies}) g`);
  await database.db.execute(sql`
    insert into contacts (id, workspace_id, company_id, name, email)
    select 'con_B' || ${tag} || lpad(g::text, 7, '0'), ${ws}, 'co_B' || ${tag} || lpad((g % ${companies} + 1)::text, 7, '0'),
      'Person ' || substr(md5((g * 7)::text), 1, 6), 'p' || g || '@example.test'
    from generate_series(1, ${companies}) g`);
  await database.db.execute(sql`
    insert into opportunities (id, workspace_id, name, company_id, currency, stage)
    select 'opp_B' || ${tag} || lpad(g::text, 7, '0'), ${ws}, 'Deal ' || substr(md5((g * 3)::text), 1, 8),
      'co_B' || ${tag} || lpad((g % ${companies} + 1)::text, 7, '0'), 'USD', 'lead'
    from generate_series(1, ${opportunities}) g`);
  await database.db.execute(sql`
    insert into product_lines (id, workspace_id, opportunity_id, product_id, quantity, unit_amount, sort_order,
      payment_status)
    select 'line_B' || ${tag} || lpad(g::text, 8, '0'), ${ws},
      'opp_B' || ${tag} || lpad(((g - 1) / ${LINES_PER_OPPORTUNITY} + 1)::text, 7, '0'), ${product.id},
      1 + g % 5, 1000 + g % 997, (g - 1) % ${LINES_PER_OPPORTUNITY},
      (array['unpaid', 'deposit_invoiced', 'invoiced', 'paid'])[g % 4 + 1]
    from generate_series(1, ${opportunities * LINES_PER_OPPORTUNITY}) g`);
  await database.db.execute(sql`
    insert into invoices (id, workspace_id, opportunity_id, portion, billed_portion, number, status, currency,
      tax_mode, issue_date, due_date, subtotal_amount, tax_amount, total_amount, amount_paid_amount)
    select 'inv_B' || ${tag} || lpad(g::text, 7, '0'), ${ws}, 'opp_B' || ${tag} || lpad((g % ${opportunities} + 1)::text, 7, '0'),
      'full', 'full', 'B-' || lpad(g::text, 6, '0'), 'AUTHORISED', 'USD', 'exclusive',
      current_date - (g % 200), current_date - (g % 200) + 30, 10000, 0, 10000, (g % 3) * 1000
    from generate_series(1, ${invoices}) g`);
  await database.db.execute(sql`analyze`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

async function time(fn: () => Promise<unknown>): Promise<{ median_ms: number; p95_ms: number }> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median_ms: +percentile(samples, 50).toFixed(2), p95_ms: +percentile(samples, 95).toFixed(2) };
}

async function drain(rows: AsyncGenerator<string>): Promise<number> {
  let bytes = 0;
  for await (const chunk of rows) bytes += chunk.length;
  return bytes;
}

function calls(ctx: Ctx): [string, () => Promise<unknown>][] {
  return [
    ["companies, newest first", () => listCompanies(ctx, { limit: 50 })],
    ["companies, by name", () => listCompanies(ctx, { limit: 50, sort: "name" })],
    ["companies, q=dental", () => listCompanies(ctx, { limit: 50, q: "dental" })],
    ["search q=dent", () => search(ctx, { q: "dent" })],
    ["search q=a1b (rare prefix)", () => search(ctx, { q: "a1b" })],
    ["search q=b-0001 (invoice number)", () => search(ctx, { q: "b-0001" })],
    ["opportunities, newest first", () => listOpportunities(ctx, { limit: 50 })],
    ["receivables report", () => getReceivables(ctx, {})],
    ["companies.csv (whole list)", () => drain(companiesCsv(ctx, {}))],
  ];
}

export async function runCrmListsBench(): Promise<void> {
  for (const target of benchDatabases()) {
    const database = await target.open();
    try {
      const small = await seedWorkspace(database, "Small");
      for (let i = 0; i < 100; i++) await createCompany(small.ctx, { name: `Small dental ${i}` });
      const large = await seedWorkspace(database, "Large");
      const started = performance.now();
      await bulkSeed(database, large.ctx, COMPANIES, OPPORTUNITIES, INVOICES);
      const seedSeconds = ((performance.now() - started) / 1000).toFixed(1);
      // The floor every figure stands on: one round trip to the same database in the same run.
      const bare = await time(() => database.db.execute(sql`select 1`));
      const rows: Record<string, unknown>[] = [
        {
          db: target.label,
          call: "select 1 (bare round trip)",
          baseline_median_ms: bare.median_ms,
          large_median_ms: bare.median_ms,
          large_p95_ms: bare.p95_ms,
        },
      ];
      const smallCalls = calls(small.ctx);
      const largeCalls = calls(large.ctx);
      for (const [index, [label, call]] of largeCalls.entries()) {
        const baseline = await time(smallCalls[index]?.[1] ?? call);
        const measured = await time(call);
        rows.push({
          db: target.label,
          call: label,
          baseline_median_ms: baseline.median_ms,
          large_median_ms: measured.median_ms,
          large_p95_ms: measured.p95_ms,
        });
      }
      printTable(
        `CRM lists (${target.label}): 100 companies (baseline) vs ${COMPANIES} companies, ${OPPORTUNITIES * LINES_PER_OPPORTUNITY} lines, ${INVOICES} invoices (seeded in ${seedSeconds} s); ${RUNS} calls each`,
        rows,
      );
    } finally {
      await database.close();
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runCrmListsBench();
  process.exit(0);
}

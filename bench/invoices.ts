import { pathToFileURL } from "node:url";
import type { Ctx } from "../src/context.ts";
import { createProduct } from "../src/modules/crm/index.ts";
import { createInvoice, previewInvoice } from "../src/modules/invoices/index.ts";
import { addLine } from "../src/modules/opportunities/index.ts";
import { seedWorkspace } from "../tests/support/builders.ts";
import { seedDeal } from "../tests/support/crm-builders.ts";
import { benchDatabases, printTable } from "./support.ts";

const LINES = 200;
const RUNS = Number(process.env.BENCH_INVOICE_RUNS ?? 20);

async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<{ mean_ms: number; p99_ms: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    mean_ms: Math.round(mean * 10) / 10,
    p99_ms: Math.round((samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))] ?? 0) * 10) / 10,
  };
}

async function seedLines(ctx: Ctx, count: number) {
  const deal = await seedDeal(ctx, 0);
  const product = await createProduct(ctx, {
    name: "Consulting day",
    unit_amount: 120_000,
    currency: "USD",
    deposit_percent: 25,
    tax_rate: "15",
  });
  for (let i = 0; i < count; i++) {
    await addLine(ctx, {
      opportunity_id: deal.opportunity.id,
      product_id: product.id,
      quantity: 1 + (i % 5),
      discount_percent: i % 3 === 0 ? "10" : "0",
    });
  }
  return deal.opportunity.id;
}

/** Preview and create of a deposit invoice over an opportunity with 200 lines, beside a 1-line baseline. */
export async function runInvoicesBench(): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const { label, open } of benchDatabases()) {
    const database = await open();
    const ws = await seedWorkspace(database, "Bench invoices");
    const small = await seedLines(ws.ctx, 1);
    const large = await seedLines(ws.ctx, LINES);
    for (const [name, opp] of [
      ["1 line (baseline)", small],
      [`${LINES} lines`, large],
    ] as const) {
      rows.push({
        db: label,
        opportunity: name,
        op: "preview deposit",
        ...(await timeIt(RUNS, () => previewInvoice(ws.ctx, { opportunity_id: opp, portion: "deposit" }))),
      });
      rows.push({
        db: label,
        opportunity: name,
        op: "create deposit (draft)",
        ...(await timeIt(RUNS, () =>
          createInvoice(ws.ctx, { opportunity_id: opp, portion: "deposit", confirm_double_billing: true }),
        )),
      });
    }
    await database.close();
  }
  printTable(`Invoice preview and create (${RUNS} runs each)`, rows);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runInvoicesBench();
  process.exit(0);
}

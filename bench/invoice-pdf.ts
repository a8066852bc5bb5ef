import PDFDocument from "pdfkit";
import type { Ctx } from "../src/context.ts";
import { createProduct } from "../src/modules/crm/index.ts";
import { renderInvoicePdf } from "../src/modules/documents/invoice-pdf.ts";
import { createInvoice } from "../src/modules/invoices/index.ts";
import { addLine } from "../src/modules/opportunities/index.ts";
import { seedWorkspace } from "../tests/support/builders.ts";
import { seedDeal } from "../tests/support/crm-builders.ts";
import { benchDatabases, printTable } from "./support.ts";

const LINES = 200;
const RUNS = Number(process.env.BENCH_PDF_RUNS ?? 30);
const TARGET_MS = 300;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? 0;
}

async function timeIt(runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm-up: fonts and the first query plan are not what a member waits for twice
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { median_ms: round(percentile(samples, 0.5)), p95_ms: round(percentile(samples, 0.95)) };
}

function emptyPdf(): Promise<number> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: "A4" });
    let bytes = 0;
    doc.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
    });
    doc.on("end", () => resolve(bytes));
    doc.end();
  });
}

async function invoiceWithLines(ctx: Ctx, count: number): Promise<string> {
  const deal = await seedDeal(ctx, 0);
  const product = await createProduct(ctx, {
    name: "Consulting day: discovery workshops, stakeholder interviews and a written summary of findings",
    unit_amount: 120_000,
    currency: "USD",
    tax_rate: "15",
  });
  for (let i = 0; i < count; i++) {
    await addLine(ctx, { opportunity_id: deal.opportunity.id, product_id: product.id, quantity: 1 + (i % 5) });
  }
  const invoice = await createInvoice(ctx, { opportunity_id: deal.opportunity.id, portion: "full" });
  return invoice.id;
}

/** GET /invoices/{id}/pdf's work (read + render) for 200 lines, beside a 1-line invoice and an empty pdfkit file. */
export async function runInvoicePdfBench(): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const { label, open } of benchDatabases()) {
    const database = await open();
    const ws = await seedWorkspace(database, "Bench PDFs");
    const small = await invoiceWithLines(ws.ctx, 1);
    const large = await invoiceWithLines(ws.ctx, LINES);
    let pages = 0;
    let size = 0;
    rows.push({ db: label, what: "empty pdfkit document (baseline)", ...(await timeIt(RUNS, emptyPdf)) });
    rows.push({
      db: label,
      what: "1-line invoice (baseline)",
      ...(await timeIt(RUNS, () => renderInvoicePdf(database.db, ws.workspaceId, small))),
    });
    const timed = await timeIt(RUNS, async () => {
      const pdf = await renderInvoicePdf(database.db, ws.workspaceId, large);
      size = pdf.content.length;
      pages = pdf.content.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
    });
    rows.push({
      db: label,
      what: `${LINES}-line invoice (${pages} pages, ${Math.round(size / 1024)} KiB)`,
      ...timed,
      target: `≤ ${TARGET_MS} ms: ${timed.p95_ms <= TARGET_MS ? "met" : "MISSED"}`,
    });
    await database.close();
  }
  printTable(`Invoice PDF render (${RUNS} runs each, after one warm-up)`, rows);
  return rows;
}

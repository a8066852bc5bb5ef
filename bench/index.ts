import { existsSync } from "node:fs";

/**
 * `npm run bench`: every benchmark, each printing its figures beside a baseline from the same run.
 * Set TEST_DATABASE_URL to include PostgreSQL; BENCH_SECONDS (default 5) bounds each load run.
 */
const suites: { file: string; exportName: string }[] = [
  { file: "./members.ts", exportName: "runMembersBench" },
  { file: "./crm.ts", exportName: "runCrmBench" },
  { file: "./crm-lists.ts", exportName: "runCrmListsBench" },
  { file: "./hot-read.ts", exportName: "runHotReadBench" },
  { file: "./jobs.ts", exportName: "runJobsBench" },
  { file: "./automations.ts", exportName: "runAutomationsBench" },
  { file: "./invoices.ts", exportName: "runInvoicesBench" },
  { file: "./invoice-pdf.ts", exportName: "runInvoicePdfBench" },
  { file: "./xero-sandbox.ts", exportName: "runXeroSandboxBench" },
  { file: "./stripe-sandbox.ts", exportName: "runStripeSandboxBench" },
  { file: "./stripe-webhooks.ts", exportName: "runStripeWebhooksBench" },
  { file: "./xero-sync.ts", exportName: "runXeroSyncBench" },
  { file: "./lifecycle.ts", exportName: "runLifecycleBench" },
  { file: "./keep-alive.ts", exportName: "runKeepAliveBench" },
  { file: "./idle-memory.ts", exportName: "runIdleMemoryBench" },
  { file: "./page-interactive.ts", exportName: "runPageInteractiveBench" },
];

const only = process.argv[2];
for (const suite of suites) {
  if (only && !suite.file.includes(only)) {
    continue;
  }
  if (!existsSync(new URL(suite.file, import.meta.url))) {
    continue;
  }
  const module = (await import(suite.file)) as Record<string, () => Promise<unknown>>;
  const run = module[suite.exportName];
  if (run) {
    await run();
  }
}
process.exit(0);

import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../src/context.ts";
import type { Database } from "../src/db/client.ts";
import { jobs } from "../src/db/schema/jobs.ts";
import { defineJob, type JobDefinition } from "../src/jobs/define-job.ts";
import { JOB_DEFINITIONS } from "../src/jobs/registry.ts";
import { createJobRunner } from "../src/jobs/runner.ts";
import { systemClock } from "../src/lib/clock.ts";
import { newId } from "../src/lib/ids.ts";
import { createLogger } from "../src/lib/logger.ts";
import { SCOPES } from "../src/modules/access/index.ts";
import { createAutomation } from "../src/modules/automations/index.ts";
import { recordBusinessEvent } from "../src/modules/payments/business-events.ts";
import { seedWorkspace } from "../tests/support/builders.ts";
import { seedDeal } from "../tests/support/crm-builders.ts";
import { benchDatabases, printTable } from "./support.ts";

const EVENTS = Number(process.env.BENCH_AUTOMATION_EVENTS ?? 500);
const CONCURRENCY = 8;

/**
 * Events per second through a 3-action automation (an email through the mail path, a stage change, a note):
 * each event is a match job, a run, three action jobs, a mail delivery to the Outbox and the stage change's
 * own event. Beside it, the same number of no-op jobs through the same queue, in the same run.
 */
async function automationRate(database: Database): Promise<{ events_per_s: number; jobs: number }> {
  const ws = await seedWorkspace(database, "Bench automations");
  const member: Actor = {
    kind: "member",
    workspaceId: ws.workspaceId,
    userId: ws.userId,
    memberId: ws.memberId,
    scopes: new Set(SCOPES),
  };
  await createAutomation(
    { db: database.db, clock: systemClock, actor: member },
    {
      name: "Thank and close",
      enabled: true,
      trigger: { type: "invoice_sent" },
      actions: [
        { type: "send_email", subject: "Thanks, {{company.name}}", body: "Invoice for {{opportunity.name}}" },
        { type: "set_stage", stage: "invoiced" },
        { type: "add_note", body: "Invoice sent to {{company.name}}" },
      ],
    },
  );
  const deals = await Promise.all(Array.from({ length: 10 }, () => seedDeal(ws.ctx, 0)));
  for (let i = 0; i < EVENTS; i += 100) {
    await database.db.transaction(async (tx) => {
      for (let k = i; k < Math.min(EVENTS, i + 100); k++) {
        await recordBusinessEvent(tx, {
          workspaceId: ws.workspaceId,
          type: "invoice_sent",
          invoiceId: null,
          opportunityId: deals[k % deals.length]?.opportunity.id ?? null,
          dedupeKey: `bench:${k}`,
          occurredAt: new Date(),
          data: { source: "bench" },
        });
      }
    });
  }
  const runner = createJobRunner({
    db: database.db,
    clock: systemClock,
    logger: createLogger("silent"),
    definitions: JOB_DEFINITIONS,
    concurrency: CONCURRENCY,
  });
  const started = performance.now();
  let ran = 0;
  for (let batch = await runner.drainOnce(); batch > 0; batch = await runner.drainOnce()) ran += batch;
  const seconds = (performance.now() - started) / 1000;
  const [left] = await database.db
    .execute<{ n: number }>(sql`select count(*)::int as n from automation_run_actions where status <> 'succeeded'`)
    .then((r) => (Array.isArray(r) ? r : (r as { rows: { n: number }[] }).rows));
  if ((left?.n ?? 0) > 0) throw new Error(`${left?.n} actions did not succeed`);
  return { events_per_s: Math.round(EVENTS / seconds), jobs: ran };
}

async function noopRate(database: Database, count: number): Promise<number> {
  await database.db.execute(sql`delete from jobs`);
  for (let i = 0; i < count; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - i) }, () => ({
      id: newId("job"),
      name: "bench.noop",
      payload: {},
    }));
    await database.db.insert(jobs).values(rows);
  }
  const noop = defineJob({ name: "bench.noop", schema: z.object({}), handler: async () => undefined });
  const runner = createJobRunner({
    db: database.db,
    clock: systemClock,
    logger: createLogger("silent"),
    definitions: [noop as JobDefinition],
    concurrency: CONCURRENCY,
  });
  const started = performance.now();
  while ((await runner.drainOnce()) > 0) {}
  return Math.round(count / ((performance.now() - started) / 1000));
}

export async function runAutomationsBench(): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const { label, open } of benchDatabases()) {
    const database = await open();
    const automation = await automationRate(database);
    rows.push({
      path: "3-action automation",
      db: label,
      events: EVENTS,
      jobs: automation.jobs,
      per_s: automation.events_per_s,
    });
    rows.push({
      path: "no-op jobs (baseline)",
      db: label,
      events: automation.jobs,
      jobs: automation.jobs,
      per_s: await noopRate(database, automation.jobs),
    });
    await database.close();
  }
  printTable(`Events through a 3-action automation (batch ${CONCURRENCY}); per_s is events/s or jobs/s`, rows);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runAutomationsBench();
  process.exit(0);
}

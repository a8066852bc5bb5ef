import { setPriority } from "node:os";
import type { Config } from "../config.ts";
import { openDatabase } from "../db/client.ts";
import { createXeroAccounting } from "../integrations/accounting/xero.ts";
import { createMailTransport } from "../integrations/mail/index.ts";
import { JOB_DEFINITIONS } from "../jobs/registry.ts";
import { createJobRunner } from "../jobs/runner.ts";
import { systemClock } from "../lib/clock.ts";
import { createLogger } from "../lib/logger.ts";
import { defaultMailFrom } from "../modules/mail/index.ts";
import { createPaymentsProvider } from "../runtime/payments-provider.ts";
import { lazySecretBox, loadSecretBox } from "../runtime/secret-key.ts";
import { parseFlags } from "./args.ts";

const LOW_PRIORITY = 10;

/**
 * A worker process on its own. Only on PostgreSQL: PGlite allows one process per data directory, and the
 * server already runs an in-process worker there.
 */
export async function runWorker(config: Config, args: string[]): Promise<number> {
  if (!config.databaseUrl) {
    process.stderr.write(
      "settle worker needs DATABASE_URL (PostgreSQL). With the embedded database, `settle start` runs the worker in-process.\n",
    );
    return 2;
  }
  const { values } = parseFlags(args, { concurrency: { type: "string" }, priority: { type: "string" } });
  const priority = values.priority ?? "low";
  if (priority !== "low" && priority !== "normal") {
    process.stderr.write("--priority must be low or normal.\n");
    return 2;
  }
  const concurrency = Number(values.concurrency ?? "4");
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 100) {
    process.stderr.write("--concurrency must be a whole number from 1 to 100.\n");
    return 2;
  }
  const logger = createLogger(config.logLevel);
  if (priority === "low") {
    // Background work yields the CPU to request-serving processes on the same host (nice 10); a worker on a
    // host of its own loses nothing by it.
    setPriority(0, LOW_PRIORITY);
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl });
  const runner = createJobRunner({
    db: database.db,
    clock: systemClock,
    logger,
    definitions: JOB_DEFINITIONS,
    concurrency,
    accounting: config.xero ? createXeroAccounting(config.xero, loadSecretBox(config)) : undefined,
    payments: createPaymentsProvider(config),
    mail: createMailTransport(config.mail.smtpUrl),
    secrets: lazySecretBox(config),
    mailSettings: { from: config.mail.from ?? defaultMailFrom(config.publicUrl), publicUrl: config.publicUrl },
  });
  runner.start();
  logger.info({ worker_id: runner.workerId, concurrency, priority }, "worker started");
  const stop = (signal: string) => {
    logger.info({ signal }, "worker stopping after the running batch");
    void runner
      .stop()
      .then(() => database.close())
      .then(() => process.exit(0));
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  return -1;
}

import { spawn } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { isNotNull } from "drizzle-orm";
import { stripeEvents } from "../src/db/schema/payments.ts";
import { seedWorkspace } from "../tests/support/builders.ts";
import { connectStripe, startStripeServer } from "../tests/support/stripe-server.ts";

type StripeServer = Awaited<ReturnType<typeof startStripeServer>>;

import { httpClient } from "../tests/support/xero-server.ts";
import { type LoadRequest, type LoadResult, loadInThread } from "./load-thread.ts";
import { BENCH_SECONDS, benchDatabases, printTable } from "./support.ts";

const RATE = Number(process.env.BENCH_STRIPE_WEBHOOK_RATE ?? 200);
const HEALTH_RATE = 50;
const ARRIVALS = process.env.BENCH_ARRIVALS === "steady" ? "steady" : "poisson";
const WARM_UP = 200;

/** A completed checkout on the connected account, as Stripe sends it: each one a distinct event and payment. */
function sessionEvent(account: string, workspaceId: string, i: number): string {
  const suffix = `${Date.now().toString(36)}${i.toString(36).padStart(6, "0")}`;
  return JSON.stringify(
    {
      id: `evt_bench${suffix}`,
      object: "event",
      api_version: "2026-10-28.endive",
      account,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: "checkout.session.completed",
      data: {
        object: {
          id: `cs_test_bench${suffix}`,
          object: "checkout.session",
          status: "complete",
          payment_status: "paid",
          mode: "payment",
          amount_total: 12_500,
          currency: "usd",
          payment_intent: `pi_bench${suffix}`,
          payment_link: null,
          subscription: null,
          invoice: null,
          metadata: { settle_workspace_id: workspaceId },
          customer_details: { email: `payer${i}@example.test`, name: `Payer ${i}` },
        },
      },
    },
    null,
    2,
  );
}

const toRequest = (delivery: { body: string; signature: string }): LoadRequest => ({
  method: "POST",
  path: "/webhooks/stripe",
  body: delivery.body,
  headers: { "content-type": "application/json", "stripe-signature": delivery.signature },
});

type Figures = {
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  rps: number;
  non2xx: number;
  errors: number;
  sender_late_p99_ms: number;
};

function figures(result: LoadResult): Figures {
  return {
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    rps: result.rps,
    non2xx: result.non2xx,
    errors: result.errors + (result.sent - result.completed),
    sender_late_p99_ms: result.senderLateness.p99,
  };
}

function healthRun(url: string): Promise<LoadResult> {
  return loadInThread({
    url,
    rate: HEALTH_RATE,
    arrivals: "steady",
    duration: BENCH_SECONDS,
    requests: [{ method: "GET", path: "/health" }],
  });
}

type Target = ReturnType<typeof benchDatabases>[number];
type Processing = "in-process worker" | "a worker process";

/**
 * `settle worker` processes on the same PostgreSQL database, as a scaled deployment runs them: the serving
 * process then only acknowledges, and the workers call the sandbox mounted in it like any Stripe host.
 * Resolves once each has logged that it started, so their start-up is not measured as load.
 */
async function startWorkerProcesses(server: StripeServer, databaseUrl: string, count: number) {
  const credentials = server.sandbox.credentials;
  const workers = Array.from({ length: count }, () =>
    spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", "worker", "--concurrency", "4"], {
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: "info",
        STRIPE_SECRET_KEY: credentials.secret_key,
        STRIPE_CLIENT_ID: credentials.client_id,
        STRIPE_WEBHOOK_SECRET: credentials.webhook_secret,
        STRIPE_API_URL: server.origin,
        STRIPE_CONNECT_URL: server.sandbox.urls.connect_url,
      },
    }),
  );
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once("exit", (code) => reject(new Error(`settle worker exited with ${code}`)));
          worker.stdout?.on("data", (chunk: Buffer) => {
            if (chunk.toString().includes("worker started")) resolve();
          });
        }),
    ),
  );
  return {
    async stop() {
      for (const worker of workers) {
        worker.removeAllListeners("exit");
        worker.kill("SIGTERM");
      }
      await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once("exit", resolve))));
    },
  };
}

/**
 * POST /webhooks/stripe at a fixed rate (200 deliveries a second by default) of pre-signed, distinct events on
 * a connected account while a worker processes them: how fast Stripe gets its 2xx, how many events are
 * processed a second, and GET /health's latency beside it (idle first, then under the load). On PostgreSQL it
 * runs twice: with the in-process worker, and with the work in a separate `settle worker` process. The load
 * comes from its own thread (as Stripe sends from outside), after a warm-up of the same path.
 */
async function runScenario(target: Target, processing: Processing, rows: Record<string, unknown>[]) {
  const database = await target.open();
  const clock = { now: () => new Date() };
  const server = await startStripeServer(database, clock);
  const label = `${target.label}, ${processing}`;
  try {
    const ws = await seedWorkspace(database, "Webhook bench");
    const { account_id: account } = await connectStripe(httpClient(server.origin, ws.apiKey));
    await server.drain();
    const count = RATE * BENCH_SECONDS;
    const deliveries = Array.from({ length: count + WARM_UP }, (_, i) => {
      const body = sessionEvent(account, ws.workspaceId, i);
      return { body, signature: server.sign(body) };
    });
    // Warm-up at the load's concurrency: the acknowledging and processing paths run (and are compiled), and the
    // database pool is open, as in a server that has been up, before anything is measured.
    await loadInThread({
      url: server.origin,
      rate: RATE,
      arrivals: ARRIVALS,
      amount: WARM_UP,
      requests: deliveries.splice(0, WARM_UP).map(toRequest),
    });
    await server.runJobs();
    const before = await database.db.$count(stripeEvents, isNotNull(stripeEvents.processedAt));
    const idleHealth = figures(await healthRun(server.origin));
    const stopWorkers =
      processing === "in-process worker"
        ? server.startWorker()
        : (await startWorkerProcesses(server, database.url ?? "", 1)).stop;
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    const started = Date.now();
    const [webhooks, health] = await Promise.all([
      loadInThread({
        url: server.origin,
        rate: RATE,
        arrivals: ARRIVALS,
        amount: count,
        requests: deliveries.map(toRequest),
      }),
      healthRun(server.origin),
    ]);
    const acknowledged = Date.now();
    loopDelay.disable();
    const loopP99 = +(loopDelay.percentile(99) / 1e6).toFixed(1);
    for (let waited = 0; waited < 120_000; waited += 100) {
      const done = await database.db.$count(stripeEvents, isNotNull(stripeEvents.processedAt));
      if (done - before >= count) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await stopWorkers();
    const processed = (await database.db.$count(stripeEvents, isNotNull(stripeEvents.processedAt))) - before;
    const finished = Date.now();
    const processedPerSecond = Math.round(processed / ((finished - started) / 1000));
    const backlogSeconds = +((finished - acknowledged) / 1000).toFixed(2);
    const hook = figures(webhooks);
    const healthBusy = figures(health);
    rows.push(
      { run: `${label}: GET /health alone (${HEALTH_RATE}/s)`, ...idleHealth },
      { run: `${label}: POST /webhooks/stripe (${RATE}/s, ${count} events)`, ...hook },
      { run: `${label}: GET /health during the webhooks`, ...healthBusy },
      {
        run: `${label}: processed ${processed}/${count}, ${processedPerSecond}/s, backlog cleared ${backlogSeconds}s after the last 2xx; serving loop delay p99 ${loopP99} ms`,
      },
    );
    return {
      webhookAck: hook,
      healthIdle: idleHealth,
      healthDuringWebhooks: healthBusy,
      processedEvents: processed,
      processedPerSecond,
      backlogAfterLastAckSeconds: backlogSeconds,
      servingLoopDelayP99Ms: loopP99,
    };
  } finally {
    await server.close();
    await database.close();
  }
}

export async function runStripeWebhooksBench(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const rows: Record<string, unknown>[] = [];
  for (const target of benchDatabases()) {
    const modes: Processing[] =
      target.label === "postgres" ? ["in-process worker", "a worker process"] : ["in-process worker"];
    for (const mode of modes) {
      out[`${target.label}, ${mode}`] = await runScenario(target, mode, rows);
    }
  }
  printTable(
    `Stripe webhooks: acknowledgement at a fixed rate while a worker processes them (${BENCH_SECONDS} s runs; target p99 ≤ 20 ms)`,
    rows,
  );
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runStripeWebhooksBench();
  process.exit(0);
}

import autocannon from "autocannon";
import { isNotNull } from "drizzle-orm";
import { stripeEvents } from "../src/db/schema/payments.ts";
import { seedWorkspace } from "../tests/support/builders.ts";
import { connectStripe, startStripeServer } from "../tests/support/stripe-server.ts";
import { httpClient } from "../tests/support/xero-server.ts";
import { BENCH_SECONDS, benchDatabases, printTable } from "./support.ts";

const RATE = Number(process.env.BENCH_STRIPE_WEBHOOK_RATE ?? 200);
const HEALTH_RATE = 50;

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

type Figures = { p50_ms: number; p99_ms: number; rps: number; non2xx: number; errors: number };

function figures(result: autocannon.Result): Figures {
  return {
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    rps: Math.round(result.requests.average),
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function healthRun(url: string): Promise<autocannon.Result> {
  return autocannon({ url: `${url}/health`, connections: 2, overallRate: HEALTH_RATE, duration: BENCH_SECONDS });
}

/**
 * POST /webhooks/stripe at a fixed rate (200 deliveries a second by default) of pre-signed, distinct events on
 * a connected account, while the in-process worker processes them: how fast Stripe gets its 2xx, how many
 * events are processed a second, and GET /health's latency beside it (idle first, then under the load).
 */
export async function runStripeWebhooksBench(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const rows: Record<string, unknown>[] = [];
  for (const target of benchDatabases()) {
    const database = await target.open();
    const clock = { now: () => new Date() };
    const server = await startStripeServer(database, clock);
    try {
      const ws = await seedWorkspace(database, "Webhook bench");
      const { account_id: account } = await connectStripe(httpClient(server.origin, ws.apiKey));
      await server.drain();
      const count = RATE * BENCH_SECONDS;
      const deliveries = Array.from({ length: count }, (_, i) => {
        const body = sessionEvent(account, ws.workspaceId, i);
        return { body, signature: server.sign(body) };
      });
      const idleHealth = figures(await healthRun(server.origin));

      let worker = true;
      const working = (async () => {
        while (worker) {
          await server.runJobs();
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      let next = 0;
      const started = Date.now();
      const [webhooks, health] = await Promise.all([
        autocannon({
          url: server.origin,
          connections: 10,
          overallRate: RATE,
          amount: count,
          requests: [
            {
              method: "POST",
              path: "/webhooks/stripe",
              setupRequest: (request) => {
                const delivery = deliveries[next++ % count];
                return {
                  ...request,
                  body: delivery?.body ?? "",
                  headers: {
                    "content-type": "application/json",
                    "stripe-signature": delivery?.signature ?? "",
                  },
                };
              },
            },
          ],
        }),
        healthRun(server.origin),
      ]);
      const acknowledged = Date.now();
      for (let waited = 0; waited < 120_000; waited += 100) {
        const done = await database.db.$count(stripeEvents, isNotNull(stripeEvents.processedAt));
        if (done >= count) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      worker = false;
      await working;
      const processed = await database.db.$count(stripeEvents, isNotNull(stripeEvents.processedAt));
      const finished = Date.now();
      const processedPerSecond = Math.round(processed / ((finished - started) / 1000));
      const backlogSeconds = +((finished - acknowledged) / 1000).toFixed(2);
      const hook = figures(webhooks);
      const healthBusy = figures(health);
      rows.push(
        { database: target.label, run: `GET /health alone (${HEALTH_RATE}/s)`, ...idleHealth },
        { database: target.label, run: `POST /webhooks/stripe (${RATE}/s, ${count} events)`, ...hook },
        { database: target.label, run: "GET /health during the webhooks", ...healthBusy },
      );
      out[target.label] = {
        webhookAck: hook,
        healthIdle: idleHealth,
        healthDuringWebhooks: healthBusy,
        processedEvents: processed,
        processedPerSecond,
        backlogAfterLastAckSeconds: backlogSeconds,
      };
      rows.push({
        database: target.label,
        run: `processed ${processed}/${count} events: ${processedPerSecond}/s, backlog cleared ${backlogSeconds}s after the last 2xx`,
      });
    } finally {
      await server.close();
      await database.close();
    }
  }
  printTable(
    `Stripe webhooks: acknowledgement at a fixed rate and processing by the in-process worker (${BENCH_SECONDS} s runs; /health target p99 ≤ 20 ms)`,
    rows,
  );
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runStripeWebhooksBench();
  process.exit(0);
}

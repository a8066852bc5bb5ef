import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createStripeSandbox } from "../src/sandboxes/stripe/index.ts";
import { printTable } from "./support.ts";

const EVENTS = Number(process.env.BENCH_STRIPE_EVENTS ?? 20_000);
const CONCURRENCY = 64;

/** A receiver on 127.0.0.1 that counts POSTs and verifies nothing (so the figures are the sender's). */
async function startCountingReceiver() {
  let received = 0;
  let waiter: { count: number; resolve: () => void } | undefined;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      received += 1;
      response.writeHead(200, { "content-type": "application/json", "content-length": "2" });
      response.end("{}");
      if (waiter && received >= waiter.count) {
        waiter.resolve();
        waiter = undefined;
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`,
    get received() {
      return received;
    },
    until(count: number): Promise<void> {
      if (received >= count) return Promise.resolve();
      return new Promise((resolve) => {
        waiter = { count, resolve };
      });
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The same receiver hit by a bare loop of unsigned POSTs of the same size, over a keep-alive agent. */
async function baseline(url: string, body: string, count: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const target = new URL(url);
  let next = 0;
  const post = () =>
    new Promise<void>((resolve, reject) => {
      const request = http.request(
        target,
        {
          method: "POST",
          agent,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve());
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  const worker = async () => {
    while (next < count) {
      next += 1;
      await post();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return seconds;
}

/**
 * Events per second the Stripe sandbox signs and delivers to a local receiver, beside a baseline from the
 * same run: the same receiver hit by unsigned POSTs of the same size, as fast as a keep-alive loop can.
 */
export async function runStripeSandboxBench(): Promise<Record<string, unknown>> {
  const receiver = await startCountingReceiver();
  const sandbox = createStripeSandbox({ publicUrl: "http://127.0.0.1:1/sandbox/stripe", webhookUrl: receiver.url });
  try {
    const platform = sandbox.platformAccountId;
    const object = (i: number) => ({
      id: `prod_bench${i}`,
      object: "product",
      active: true,
      name: `Bench product ${i}`,
      metadata: { invoice: `INV-${i}` },
    });
    const sample = sandbox.admin.ctx.events.emit(platform, "product.created", object(-1));
    await receiver.until(1);
    const body = JSON.stringify(sample, null, 2);

    const baselineSeconds = await baseline(receiver.url, body, EVENTS);
    const signStarted = performance.now();
    for (let i = 0; i < EVENTS; i++) {
      createHmac("sha256", sandbox.credentials.webhook_secret).update(`${i}.${body}`).digest("hex");
    }
    const signSeconds = (performance.now() - signStarted) / 1000;

    const already = receiver.received;
    const started = performance.now();
    for (let i = 0; i < EVENTS; i++) sandbox.admin.ctx.events.emit(platform, "product.created", object(i));
    const emittedSeconds = (performance.now() - started) / 1000;
    await receiver.until(already + EVENTS);
    const deliverSeconds = (performance.now() - started) / 1000;
    await sandbox.admin.webhooks.idle();
    const failures = sandbox.admin.webhooks.deliveries().filter((d) => !d.ok).length;

    const rate = (seconds: number) => Math.round(EVENTS / seconds);
    const rows = [
      {
        run: "baseline: unsigned POSTs, keep-alive loop",
        events: EVENTS,
        seconds: +baselineSeconds.toFixed(2),
        per_second: rate(baselineSeconds),
      },
      {
        run: "sandbox: emit, sign and deliver (end to end)",
        events: EVENTS,
        seconds: +deliverSeconds.toFixed(2),
        per_second: rate(deliverSeconds),
      },
      {
        run: "  of which emitting (record + queue)",
        events: EVENTS,
        seconds: +emittedSeconds.toFixed(2),
        per_second: rate(emittedSeconds),
      },
      {
        run: "  HMAC-SHA256 signing alone",
        events: EVENTS,
        seconds: +signSeconds.toFixed(3),
        per_second: rate(signSeconds),
      },
    ];
    printTable(
      `Stripe sandbox webhook delivery to a receiver on 127.0.0.1 (${body.length}-byte events, failures: ${failures})`,
      rows,
    );
    return {
      events: EVENTS,
      bodyBytes: body.length,
      baselinePerSecond: rate(baselineSeconds),
      deliveredPerSecond: rate(deliverSeconds),
      emitPerSecond: rate(emittedSeconds),
      signPerSecond: rate(signSeconds),
      failures,
    };
  } finally {
    await sandbox.close();
    await receiver.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runStripeSandboxBench();
  process.exit(0);
}

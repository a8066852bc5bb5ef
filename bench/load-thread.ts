import http from "node:http";
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

/** A request the load sends, in order and round again: Stripe's or Xero's deliveries, each body pre-signed. */
export type LoadRequest = { method: "GET" | "POST"; path: string; body?: string; headers?: Record<string, string> };

export type LoadOptions = {
  url: string;
  /** Requests a second, on average. */
  rate: number;
  /**
   * `poisson`: independent arrivals (exponential gaps, fixed seed), as many customers' payments reach Stripe and
   * its deliveries reach Settle; `steady`: one every 1000/rate ms.
   */
  arrivals: "poisson" | "steady";
  /** Total requests to send, or send for `duration` seconds. */
  amount?: number;
  duration?: number;
  requests: LoadRequest[];
};

export type LoadResult = {
  sent: number;
  completed: number;
  non2xx: number;
  errors: number;
  /** Milliseconds from each request's leaving to its response's end. */
  latency: { p50: number; p90: number; p99: number; max: number };
  /** How late the sender itself sent, in ms after the schedule (its thread shares the machine's cores). */
  senderLateness: { p50: number; p99: number };
  /** Completed requests a second over the run. */
  rps: number;
};

/**
 * Sends the load from its own thread, as a sender outside the server would: its own work never waits in the
 * measured server's event loop, and the figures are the server's alone.
 */
export function loadInThread(options: LoadOptions): Promise<LoadResult> {
  // The thread loads this file through tsx, as the benches themselves are loaded.
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: options });
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the load thread exited with ${code}`));
    });
  });
}

/** A small deterministic generator (mulberry32), so two runs of the bench send the same arrival pattern. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The send times, in ms from the start: the whole schedule is fixed before the first request goes out. */
function schedule(options: LoadOptions): number[] {
  const count = options.amount ?? Math.round(options.rate * (options.duration ?? 1));
  const gap = 1000 / options.rate;
  const random = seededRandom(20_261_201);
  const times: number[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    times.push(at);
    at += options.arrivals === "steady" ? gap : -Math.log(1 - random()) * gap;
  }
  return times;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return +(sorted[Math.max(0, index)] ?? 0).toFixed(2);
}

/**
 * An open loop: each request leaves at its scheduled time whether or not earlier ones have been answered (no
 * connection is ever reused while busy), so a server that falls behind faces the whole load and shows it in
 * the figures, instead of being sent less (the coordinated omission of a closed loop, or of autocannon's
 * `overallRate`, which sends each second's share back to back and then pauses). The sender's own lateness is
 * reported beside the latencies rather than charged to the server.
 */
async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const times = schedule(options);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let sent = 0;
  let lastDone = 0;
  const start = performance.now() + 5;
  const settled: Promise<void>[] = [];
  const lateness: number[] = [];

  const send = (index: number) => {
    const chosen = options.requests[index % options.requests.length] as LoadRequest;
    const scheduled = start + (times[index] ?? 0);
    sent++;
    const sentAt = performance.now();
    lateness.push(sentAt - scheduled);
    settled.push(
      new Promise<void>((resolve) => {
        const request = http.request(
          new URL(chosen.path, options.url),
          { method: chosen.method, headers: chosen.headers, agent, timeout: 30_000 },
          (response) => {
            response.resume();
            response.once("end", () => {
              const done = performance.now();
              latencies.push(done - sentAt);
              lastDone = Math.max(lastDone, done);
              if ((response.statusCode ?? 0) >= 300) non2xx++;
              resolve();
            });
          },
        );
        request.once("error", () => {
          errors++;
          resolve();
        });
        request.once("timeout", () => request.destroy(new Error("timed out")));
        request.end(chosen.body);
      }),
    );
  };

  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      // Everything now due goes out, so a late timer never thins the load.
      while (next < times.length && start + (times[next] ?? 0) <= performance.now()) send(next++);
      if (next >= times.length) return resolve();
      setTimeout(tick, Math.max(0, start + (times[next] ?? 0) - performance.now()));
    };
    setTimeout(tick, 5);
  });
  await Promise.all(settled);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  lateness.sort((a, b) => a - b);
  return {
    sent,
    completed: latencies.length,
    non2xx,
    errors,
    latency: {
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
    },
    rps: Math.round(latencies.length / Math.max((lastDone - start) / 1000, 1e-3)),
    senderLateness: { p50: percentile(lateness, 50), p99: percentile(lateness, 99) },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  runLoad(workerData as LoadOptions).then(
    (result) => port.postMessage(result),
    (error: unknown) => {
      throw error;
    },
  );
}

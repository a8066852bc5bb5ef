import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import autocannon from "autocannon";

/** A request the load sends, in order and round again: Stripe's or Xero's deliveries, each body pre-signed. */
export type LoadRequest = { method: "GET" | "POST"; path: string; body?: string; headers?: Record<string, string> };

/** What autocannon returns off the main thread (its typings know only the aggregated form). */
type RawResult = autocannon.Result & { totalCompletedRequests: number };
const aggregate = (autocannon as unknown as { aggregateResult(raw: RawResult[], options: object): autocannon.Result })
  .aggregateResult;

export type LoadOptions = {
  url: string;
  connections: number;
  overallRate: number;
  /** Total requests to send, or run for `duration` seconds. */
  amount?: number;
  duration?: number;
  requests: LoadRequest[];
};

/**
 * Runs autocannon on its own thread, as a sender outside the server would: its own work (building requests,
 * parsing responses, histograms) then never waits in the measured server's event loop, and the figures are
 * the server's alone.
 */
export function loadInThread(options: LoadOptions): Promise<autocannon.Result> {
  // The thread loads this file through tsx, as the benches themselves are loaded.
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: options });
  return new Promise((resolve, reject) => {
    // Off the main thread autocannon hands back its histograms encoded, for the caller to aggregate.
    worker.once("message", (raw: RawResult) => {
      const result = aggregate([raw], { url: options.url, connections: options.connections });
      result.requests.average = raw.totalCompletedRequests / Math.max(raw.duration, 1e-3);
      resolve(result);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the load thread exited with ${code}`));
    });
  });
}

async function runLoad(options: LoadOptions): Promise<autocannon.Result> {
  let next = 0;
  const { requests } = options;
  return autocannon({
    url: options.url,
    connections: options.connections,
    overallRate: options.overallRate,
    ...(options.amount === undefined ? {} : { amount: options.amount }),
    ...(options.duration === undefined ? {} : { duration: options.duration }),
    requests: [
      {
        setupRequest: (request) => {
          const chosen = requests[next++ % requests.length];
          return { ...request, ...chosen };
        },
      },
    ],
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  runLoad(workerData as LoadOptions).then(
    (result) => port.postMessage(JSON.parse(JSON.stringify(result))),
    (error: unknown) => {
      throw error;
    },
  );
}

import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * Prometheus metrics for this process, served at /metrics. One registry per process: the vendor adapters
 * count their calls here without being handed anything, and each process of a scaled-out deployment is
 * scraped on its own.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestDuration = new Histogram({
  name: "settle_http_request_duration_seconds",
  help: "HTTP request latency by matched route pattern, method and status class.",
  labelNames: ["method", "route", "status_class"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const PROVIDERS = ["xero", "stripe"] as const;
export type Provider = (typeof PROVIDERS)[number];

export const providerCalls = new Counter({
  name: "settle_provider_calls_total",
  help: "Calls to Xero and Stripe, by outcome (ok, or failed: any error the vendor or the network gave).",
  labelNames: ["provider", "outcome"] as const,
  registers: [metricsRegistry],
});
// Zero series from the start, so a rate() over failures exists before the first one happens.
for (const provider of PROVIDERS) {
  for (const outcome of ["ok", "failed"]) providerCalls.inc({ provider, outcome }, 0);
}

export const jobsInState = new Gauge({
  name: "settle_jobs",
  help: "Jobs in the queue table by state, counted when scraped.",
  labelNames: ["state"] as const,
  registers: [metricsRegistry],
});

export const jobsOldestAge = new Gauge({
  name: "settle_jobs_oldest_age_seconds",
  help: "Age of the oldest job in each state when scraped: queued since it became due, other states since they entered it; 0 when there is none.",
  labelNames: ["state"] as const,
  registers: [metricsRegistry],
});

/** Runs one outgoing vendor call and counts it. */
export async function countProviderCall<T>(provider: Provider, call: () => Promise<T>): Promise<T> {
  try {
    const result = await call();
    providerCalls.inc({ provider, outcome: "ok" });
    return result;
  } catch (error) {
    providerCalls.inc({ provider, outcome: "failed" });
    throw error;
  }
}

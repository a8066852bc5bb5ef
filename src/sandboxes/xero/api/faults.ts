import type { Context, MiddlewareHandler } from "hono";

export type FaultKind = "429" | "500" | "503" | "slow" | "late" | "drop";

export interface FaultRule {
  kind: FaultKind;
  /** How many matching calls the fault applies to. */
  remaining: number;
  /** Only calls whose path contains this text (e.g. "/Invoices"). */
  pathContains?: string;
  method?: string;
  /** For "slow" (before the call is handled) and "late" (after it was handled, before the answer): latency. */
  delayMs?: number;
  /** Share of matching calls hit (0–1, default 1): 0.2 fails about one call in five until `remaining` runs out. */
  rate?: number;
  /** For "429": the Retry-After to send (default 1 s). */
  retryAfterSeconds?: number;
}

/** Faults injected from the console or tests, consumed by the next matching API calls. */
export class FaultInjector {
  private rules: FaultRule[] = [];

  inject(rule: Omit<FaultRule, "remaining"> & { count?: number }): void {
    const { count, ...rest } = rule;
    this.rules.push({ ...rest, remaining: count ?? 1 });
  }

  clear(): void {
    this.rules = [];
  }

  pending(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const rule = this.take(c.req.path, c.req.method);
      if (!rule) return next();
      if (rule.kind === "slow") {
        await new Promise((resolve) => setTimeout(resolve, rule.delayMs ?? 2000));
        return next();
      }
      if (rule.kind === "late") {
        // The call takes effect now; its answer is held back, as when a client dies or times out mid-request.
        await next();
        await new Promise((resolve) => setTimeout(resolve, rule.delayMs ?? 2000));
        return;
      }
      return failWith(c, rule.kind, rule.retryAfterSeconds);
    };
  }

  private take(path: string, method: string): FaultRule | undefined {
    const rule = this.rules.find(
      (r) =>
        (!r.pathContains || path.includes(r.pathContains)) &&
        (!r.method || r.method.toUpperCase() === method) &&
        (r.rate === undefined || Math.random() < r.rate),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }
}

function failWith(c: Context, kind: Exclude<FaultKind, "slow" | "late">, retryAfter = 1): Response {
  if (kind === "429") {
    const headers = { "Retry-After": String(retryAfter), "X-Rate-Limit-Problem": "minute" };
    return new Response(null, { status: 429, headers });
  }
  if (kind === "503") return c.text("The Xero API is currently offline for maintenance", 503);
  if (kind === "drop") {
    destroySocket(c.env);
    return c.body(null, 500);
  }
  return c.json(
    {
      Title: "An error occurred",
      Detail:
        "An error occurred in Xero. Check the API Status page http://status.developer.xero.com for current service status.",
      Status: 500,
    },
    500,
  );
}

/** Under @hono/node-server the raw request is in env.incoming; embedded app.request() has none. */
function destroySocket(env: unknown): void {
  if (typeof env !== "object" || env === null || !("incoming" in env)) return;
  const incoming = (env as { incoming?: { socket?: { destroy(): void } } }).incoming;
  incoming?.socket?.destroy();
}

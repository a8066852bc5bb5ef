import type { Context, MiddlewareHandler } from "hono";
import { StripeError } from "../core/errors.ts";
import { rateLimited } from "./rate-limiter.ts";

export type FaultKind = "429" | "500" | "slow" | "drop";

export interface FaultRule {
  kind: FaultKind;
  /** How many matching calls the fault applies to. */
  remaining: number;
  /** Only calls whose path contains this text (e.g. "/v1/payment_links"). */
  pathContains?: string;
  method?: string;
  /** For "slow": how long the call waits before it is handled. */
  delayMs?: number;
}

export const FAULT_KINDS: readonly FaultKind[] = ["429", "500", "slow", "drop"];

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
    return this.rules.map((rule) => ({ ...rule }));
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const rule = this.take(new URL(c.req.url).pathname, c.req.method);
      if (!rule) return next();
      if (rule.kind === "slow") {
        await new Promise((resolve) => setTimeout(resolve, rule.delayMs ?? 2000));
        return next();
      }
      if (rule.kind === "429") throw rateLimited();
      if (rule.kind === "drop") {
        destroySocket(c);
        return c.body(null, 500);
      }
      throw new StripeError(500, {
        type: "api_error",
        message: "An unknown error occurred",
      });
    };
  }

  private take(path: string, method: string): FaultRule | undefined {
    const rule = this.rules.find(
      (r) => (!r.pathContains || path.includes(r.pathContains)) && (!r.method || r.method.toUpperCase() === method),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }
}

/** Under @hono/node-server the raw request is in env.incoming; embedded app.request() has none. */
function destroySocket(c: Context): void {
  const env = c.env as { incoming?: { socket?: { destroy(): void } } } | undefined;
  env?.incoming?.socket?.destroy();
}

import type { MiddlewareHandler } from "hono";
import type { SandboxClock } from "../../shared/clock.ts";
import type { ApiEnv } from "./env.ts";

export interface LoggedRequest {
  atMs: number;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  requestId?: string;
  account?: string;
  idempotencyKey?: string;
  replayed: boolean;
}

/** A ring buffer of recent API calls for the console and tests. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(
    private readonly clock: SandboxClock,
    private readonly capacity = 500,
  ) {}

  recent(): LoggedRequest[] {
    return [...this.entries].reverse();
  }

  clear(): void {
    this.entries = [];
  }

  middleware(): MiddlewareHandler<ApiEnv> {
    return async (c, next) => {
      const started = performance.now();
      await next();
      this.entries.push({
        atMs: this.clock.nowMs(),
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        status: c.res.status,
        durationMs: Math.round(performance.now() - started),
        requestId: c.get("requestId"),
        account: c.get("account"),
        idempotencyKey: c.req.header("idempotency-key"),
        replayed: c.res.headers.get("idempotent-replayed") === "true",
      });
      if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    };
  }
}

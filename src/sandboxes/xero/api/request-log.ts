import type { MiddlewareHandler } from "hono";
import type { SandboxClock } from "../../shared/clock.ts";

export interface LoggedRequest {
  atMs: number;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  tenantId?: string;
}

/** A ring buffer of recent calls for the console. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(
    private readonly clock: SandboxClock,
    private readonly capacity = 200,
  ) {}

  recent(): LoggedRequest[] {
    return [...this.entries].reverse();
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const started = performance.now();
      await next();
      this.entries.push({
        atMs: this.clock.nowMs(),
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        status: c.res.status,
        durationMs: Math.round(performance.now() - started),
        tenantId: c.req.header("xero-tenant-id"),
      });
      if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    };
  }
}

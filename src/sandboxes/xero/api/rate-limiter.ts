import type { MiddlewareHandler } from "hono";
import type { SandboxContext } from "../context.ts";
import type { ApiEnv } from "./api-env.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface TenantWindow {
  inFlight: number;
  minute: number[];
  day: number[];
}

/** Xero's per-organisation concurrent/minute/day limits and the app-wide minute limit. */
export class RateLimiter {
  private readonly tenants = new Map<string, TenantWindow>();
  private appMinute: number[] = [];

  constructor(private readonly ctx: SandboxContext) {}

  middleware(): MiddlewareHandler<ApiEnv> {
    return async (c, next) => {
      const limits = this.ctx.limits;
      const now = this.ctx.clock.nowMs();
      const window = this.window(c.get("tenantId"), now);
      this.appMinute = this.appMinute.filter((t) => t > now - MINUTE);
      const reject = (problemName: string, retryAfterSeconds: number): Response => {
        const headers = new Headers();
        this.setHeaders(headers, window);
        headers.set("Retry-After", String(Math.max(1, retryAfterSeconds)));
        headers.set("X-Rate-Limit-Problem", problemName);
        return new Response(null, { status: 429, headers });
      };
      if (window.day.length >= limits.perDay) return reject("day", secondsUntil(window.day[0], DAY, now));
      if (window.minute.length >= limits.perMinute)
        return reject("minute", secondsUntil(window.minute[0], MINUTE, now));
      if (this.appMinute.length >= limits.appPerMinute)
        return reject("appminute", secondsUntil(this.appMinute[0], MINUTE, now));
      if (window.inFlight >= limits.concurrent) return reject("concurrent", 1);
      window.inFlight += 1;
      window.minute.push(now);
      window.day.push(now);
      this.appMinute.push(now);
      try {
        await next();
      } finally {
        window.inFlight -= 1;
      }
      this.setHeaders(c.res.headers, window);
    };
  }

  reset(): void {
    this.tenants.clear();
    this.appMinute = [];
  }

  private window(tenantId: string, now: number): TenantWindow {
    let window = this.tenants.get(tenantId);
    if (!window) {
      window = { inFlight: 0, minute: [], day: [] };
      this.tenants.set(tenantId, window);
    }
    window.minute = window.minute.filter((t) => t > now - MINUTE);
    const firstLive = window.day.findIndex((t) => t > now - DAY);
    window.day = firstLive === -1 ? [] : window.day.slice(firstLive);
    return window;
  }

  private setHeaders(headers: Headers, window: TenantWindow): void {
    const limits = this.ctx.limits;
    headers.set("X-DayLimit-Remaining", String(Math.max(0, limits.perDay - window.day.length)));
    headers.set("X-MinLimit-Remaining", String(Math.max(0, limits.perMinute - window.minute.length)));
    headers.set("X-AppMinLimit-Remaining", String(Math.max(0, limits.appPerMinute - this.appMinute.length)));
  }
}

function secondsUntil(oldest: number | undefined, span: number, now: number): number {
  return oldest === undefined ? 1 : Math.ceil((oldest + span - now) / 1000);
}

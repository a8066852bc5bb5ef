import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "../../lib/errors.ts";
import type { AppEnv } from "../env.ts";

/**
 * Fixed one-minute windows in process memory. Each instance limits on its own, so N instances allow N× the
 * budget; that keeps the hot path free of database writes and is documented in ARCHITECTURE.md.
 */
export function createWindowLimiter(perMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string): { ok: boolean; retryAfter: number; remaining: number } => {
    const t = now();
    const w = windows.get(key);
    if (!w || t - w.start >= 60_000) {
      if (windows.size > 50_000) {
        windows.clear();
      }
      windows.set(key, { start: t, count: 1 });
      return { ok: true, retryAfter: 0, remaining: perMinute - 1 };
    }
    w.count += 1;
    const retryAfter = Math.max(1, Math.ceil((w.start + 60_000 - t) / 1000));
    return { ok: w.count <= perMinute, retryAfter, remaining: Math.max(0, perMinute - w.count) };
  };
}

export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "in-process";
  }
}

export function rateLimit(perMinute: number, keyOf: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> {
  const hit = createWindowLimiter(perMinute);
  return async (c, next) => {
    const result = hit(keyOf(c));
    c.header("X-RateLimit-Limit", String(perMinute));
    c.header("X-RateLimit-Remaining", String(result.remaining));
    if (!result.ok) {
      throw new AppError("rate_limited", `Too many requests; try again in ${result.retryAfter} s.`, {
        details: { retry_after: result.retryAfter },
      });
    }
    await next();
  };
}

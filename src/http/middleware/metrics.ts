import type { Context, MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { httpRequestDuration } from "../../lib/metrics.ts";
import type { AppEnv } from "../env.ts";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * The pattern of the route that answered (`/api/v1/opportunities/:id`), never the raw path: ids in label
 * values would make a new series per record. Requests no route takes answer from a wildcard, which is a
 * pattern too, so the label set stays bounded.
 */
function routeOf(c: Context<AppEnv>): string {
  try {
    return routePath(c) || "unmatched";
  } catch {
    return "unmatched";
  }
}

/** Observes every request's latency once it has been answered, errors included. */
export function requestMetrics(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    httpRequestDuration.observe(
      {
        method: METHODS.has(c.req.method) ? c.req.method : "OTHER",
        route: routeOf(c),
        status_class: `${Math.floor(c.res.status / 100)}xx`,
      },
      (performance.now() - started) / 1000,
    );
  };
}

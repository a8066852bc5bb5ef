import type { MiddlewareHandler } from "hono";
import type { Foreground } from "../../jobs/foreground.ts";
import type { AppEnv } from "../env.ts";

/** Counts the request as in flight until it is answered, so the in-process worker gives way to it. */
export function countForeground(foreground: Foreground): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    foreground.enter();
    try {
      await next();
    } finally {
      foreground.leave();
    }
  };
}

import type { MiddlewareHandler } from "hono";
import { newId } from "../../lib/ids.ts";
import type { Logger } from "../../lib/logger.ts";
import type { AppEnv } from "../env.ts";

/** A request id on every log line and every error body; a caller-supplied one is kept if it is sane. */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header("x-request-id");
    const requestId = given && /^[\w.-]{8,100}$/.test(given) ? given : newId("request");
    const log = logger.child({ request_id: requestId });
    c.set("requestId", requestId);
    c.set("logger", log);
    c.header("X-Request-Id", requestId);
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    const status = c.res.status;
    const line = { method: c.req.method, path: c.req.path, status, ms };
    if (status >= 500) {
      log.error(line, "request failed");
    } else {
      log.info(line, "request");
    }
  };
}

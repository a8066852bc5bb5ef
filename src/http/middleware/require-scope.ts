import type { MiddlewareHandler } from "hono";
import { requireScope, type Scope } from "../../modules/access/index.ts";
import type { AppEnv } from "../env.ts";

/** Runs before body validation, so a caller without the scope learns that first. */
export function scope(required: Scope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireScope(c.get("actor").scopes, required);
    await next();
  };
}

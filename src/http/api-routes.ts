import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./env.ts";

/**
 * Domain areas register their authenticated routes here (CRM, opportunities, invoices, …); each area keeps
 * its own routes file and is mounted at /api/v1 behind authentication, rate limits and idempotency.
 */
export function registerApiRoutes(api: OpenAPIHono<AppEnv>, _deps: AppDeps): void {
  void api;
}

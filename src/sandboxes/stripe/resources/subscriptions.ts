import { Hono } from "hono";
import type { ApiEnv } from "../api/env.ts";
import type { StripeSandboxContext } from "../context.ts";

export function subscriptionRoutes(_ctx: StripeSandboxContext): Hono<ApiEnv> {
  return new Hono<ApiEnv>();
}

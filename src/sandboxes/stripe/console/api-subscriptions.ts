import { Hono } from "hono";
import type { StripeSandboxAdmin } from "../admin.ts";

/** Console JSON API: subscriptions (advance a period). */
export function consoleSubscriptionApi(_admin: StripeSandboxAdmin): Hono {
  return new Hono();
}

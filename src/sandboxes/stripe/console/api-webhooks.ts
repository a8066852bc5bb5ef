import { Hono } from "hono";
import type { StripeSandboxAdmin } from "../admin.ts";

/** Console JSON API: deliveries (resend, duplicate, reorder, bad signature) and connected accounts. */
export function consoleWebhookApi(_admin: StripeSandboxAdmin): Hono {
  return new Hono();
}

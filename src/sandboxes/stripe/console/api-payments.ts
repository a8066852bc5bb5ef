import { Hono } from "hono";
import type { StripeSandboxAdmin } from "../admin.ts";

/** Console JSON API: the test payment API (/pay) and refunds. */
export function consolePaymentApi(_admin: StripeSandboxAdmin): Hono {
  return new Hono();
}

import { Hono } from "hono";
import type { StripeSandboxAdmin } from "../admin.ts";

/** The console's JSON API (behind the console token): what the console page's buttons call. */
export function consoleApi(_admin: StripeSandboxAdmin): Hono {
  return new Hono();
}

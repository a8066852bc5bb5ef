import { Hono } from "hono";
import type { StripeSandboxAdmin } from "../admin.ts";

/** Console JSON API: state, clock, faults, request log and rate limits. */
export function consoleCoreApi(_admin: StripeSandboxAdmin): Hono {
  return new Hono();
}

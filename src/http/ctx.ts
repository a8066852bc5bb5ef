import type { Context } from "hono";
import type { Ctx } from "../context.ts";
import type { AppEnv } from "./env.ts";
import { clientIp } from "./middleware/rate-limit.ts";

/** Handlers build the verb context from the authenticated actor and the app's own database and clock. */
export function ctxOf(c: Context<AppEnv>): Ctx {
  const { db, clock, accounting, payments, mail, secrets } = c.get("deps");
  return { db, clock, accounting, payments, mail, secrets, actor: c.get("actor"), origin: originOf(c) };
}

export function originOf(c: Context<AppEnv>): { ip: string | null; requestId: string | null } {
  return { ip: clientIp(c), requestId: c.get("requestId") ?? null };
}

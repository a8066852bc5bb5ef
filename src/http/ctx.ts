import type { Context } from "hono";
import type { Ctx } from "../context.ts";
import type { AppEnv } from "./env.ts";

/** Handlers build the verb context from the authenticated actor and the app's own database and clock. */
export function ctxOf(c: Context<AppEnv>): Ctx {
  const { db, clock, accounting } = c.get("deps");
  return { db, clock, accounting, actor: c.get("actor") };
}

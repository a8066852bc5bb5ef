import { timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import { AppError } from "../../lib/errors.ts";
import { createWorkspace } from "../../modules/access/index.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";
import { clientIp } from "../middleware/rate-limit.ts";

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * While a server holds the PGlite directory no other process may open it, so the CLI asks the server.
 * Only loopback callers presenting the secret from DATA_DIR/admin.json (mode 0600) get in.
 */
export function internalAdminRoutes(deps: AppDeps & { adminSecret: string }) {
  return new Hono<AppEnv>().post("/workspaces", async (c) => {
    const given = c.req.header("x-settle-admin-secret") ?? "";
    if (!LOOPBACK.test(clientIp(c)) || !sameSecret(given, deps.adminSecret)) {
      throw new AppError("not_found", "Not found.");
    }
    const created = await createWorkspace(deps, await c.req.json());
    return c.json(created, 201);
  });
}

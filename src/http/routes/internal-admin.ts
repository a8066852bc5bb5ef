import { timingSafeEqual } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import type { Context } from "hono";
import { Hono } from "hono";
import { AppError } from "../../lib/errors.ts";
import { createWorkspace } from "../../modules/access/index.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";
import { clientIp } from "../middleware/rate-limit.ts";

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export function isLoopbackCaller(c: Context): boolean {
  return LOOPBACK.test(clientIp(c));
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * While a server holds the PGlite directory no other process may open it, so the CLI asks the server.
 * Only loopback callers presenting the secret from DATA_DIR/admin.json (mode 0600) get in.
 */
export function internalAdminRoutes(deps: AppDeps & { adminSecret: string }) {
  return new Hono<AppEnv>()
    .use("*", async (c, next) => {
      const given = c.req.header("x-settle-admin-secret") ?? "";
      if (!isLoopbackCaller(c) || !sameSecret(given, deps.adminSecret)) {
        throw new AppError("not_found", "Not found.");
      }
      await next();
    })
    .post("/workspaces", async (c) => {
      const created = await createWorkspace(deps, await c.req.json());
      return c.json(created, 201);
    })
    .post("/backup", async (c) => {
      const client = (deps.db as unknown as { $client?: Partial<PGlite> }).$client;
      if (typeof client?.dumpDataDir !== "function" || typeof client.exec !== "function") {
        throw new AppError("not_found", "This server does not use the embedded database.");
      }
      // The dump copies the data files while no query runs, a crash-consistent snapshot; the checkpoint
      // first puts committed changes into the data files, so a restore has little write-ahead log to replay.
      await client.exec("checkpoint");
      const dump = await client.dumpDataDir("gzip");
      return c.body(dump.stream(), 200, {
        "Content-Type": "application/gzip",
        "Content-Length": String(dump.size),
        "Cache-Control": "no-store",
      });
    });
}

import { and, eq, lt } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Db } from "../../db/client.ts";
import { idempotencyKeys } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { AppError } from "../../lib/errors.ts";
import { sha256 } from "../../lib/secrets.ts";
import type { AppEnv } from "../env.ts";

const TTL_MS = 24 * 60 * 60 * 1000;

function principalOf(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const actor = c.get("actor");
  const who = actor.kind === "api_key" ? actor.keyId : actor.kind === "member" ? actor.userId : "system";
  return `${actor.workspaceId}:${who}`;
}

/**
 * Idempotency-Key on POST: the first request claims the key (a row without a response), later ones with the
 * same body replay its stored response, a different body is 409. Server errors release the key for a retry.
 */
export function idempotency(deps: { db: Db; clock: Clock }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (c.req.method !== "POST" || !key) {
      return next();
    }
    if (key.length > 255) {
      throw new AppError("invalid_input", "Idempotency-Key must be at most 255 characters.", {
        issues: [{ field: "Idempotency-Key", message: "too long" }],
      });
    }
    const principal = principalOf(c);
    // The caller's scopes are part of the request: a stored response was shaped (stripped) for the scopes it
    // was made with, so after a role or key change it is not replayed (that could hand back payment_status
    // to a caller who lost invoices:read); the key answers 409 instead of running the request twice.
    const scopes = [...c.get("actor").scopes].sort().join(" ");
    const requestHash = sha256(`${c.req.method} ${c.req.path}\n${scopes}\n${await c.req.text()}`);
    const now = deps.clock.now();
    const where = and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key));
    await deps.db
      .delete(idempotencyKeys)
      .where(and(where, lt(idempotencyKeys.createdAt, new Date(now.getTime() - TTL_MS))));
    const claimed = await deps.db
      .insert(idempotencyKeys)
      .values({ principal, key, requestHash, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0) {
      const [existing] = await deps.db.select().from(idempotencyKeys).where(where);
      if (!existing || existing.requestHash !== requestHash) {
        throw new AppError(
          "conflict",
          "This Idempotency-Key was already used with a different request (or different permissions).",
          {
            fix: "Use a new Idempotency-Key for a different request.",
          },
        );
      }
      if (existing.responseStatus === null || existing.responseBody === null) {
        throw new AppError("conflict", "A request with this Idempotency-Key is still in progress; retry shortly.");
      }
      c.header("Idempotent-Replayed", "true");
      return c.body(existing.responseBody, existing.responseStatus as ContentfulStatusCode, {
        "content-type": "application/json",
      });
    }
    await next();
    if (c.res.status >= 500) {
      await deps.db.delete(idempotencyKeys).where(where);
      return;
    }
    const body = await c.res.clone().text();
    await deps.db.update(idempotencyKeys).set({ responseStatus: c.res.status, responseBody: body }).where(where);
  };
}

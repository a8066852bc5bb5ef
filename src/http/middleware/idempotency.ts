import { and, eq, isNull, lt, or, type SQL } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Actor } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { idempotencyKeys } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { AppError } from "../../lib/errors.ts";
import { sha256 } from "../../lib/secrets.ts";
import type { AppEnv } from "../env.ts";

const TTL_MS = 24 * 60 * 60 * 1000;

/**
 * How long a claim stays held without renewal. The running request renews it every third of this, so only a
 * request that died (process killed, connection to the database lost) lets it lapse; a retry then takes over.
 */
export const IDEMPOTENCY_LEASE_MS = 10_000;

export type IdempotencyDeps = { db: Db; clock: Clock; idempotencyLeaseMs?: number | undefined };

/**
 * Whose key it is and what request it stands for. The caller's scopes are part of the request: a stored
 * response was shaped (stripped) for the scopes it was made with, so after a role or key change it is not
 * replayed (that could hand back payment_status to a caller who lost invoices:read); the key answers 409
 * instead of running the request twice.
 */
export function claimIdentity(actor: Actor, method: string, path: string, body: string) {
  const who = actor.kind === "api_key" ? actor.keyId : actor.kind === "member" ? actor.userId : "system";
  const scopes = [...actor.scopes].sort().join(" ");
  return { principal: `${actor.workspaceId}:${who}`, requestHash: sha256(`${method} ${path}\n${scopes}\n${body}`) };
}

function inProgress(retryAfterSeconds: number): AppError {
  return new AppError("conflict", "A request with this Idempotency-Key is still in progress; retry shortly.", {
    fix: `Retry the same request after ${retryAfterSeconds} s.`,
    details: { retry_after: retryAfterSeconds },
  });
}

/**
 * Idempotency-Key on POST: the first request claims the key (a row without a response, under a lease it renews
 * while it runs), later ones with the same body replay its stored response, a different body is 409, and a
 * claim whose lease lapsed is taken over by the next retry. Settle's own failures (500, 503) release the key
 * for a retry; a provider's (502: Xero or Stripe failed or did not answer) is kept and replayed, because the
 * provider may have acted and only its reconciliation, not a blind re-run, may say what happened.
 */
export function idempotency(deps: IdempotencyDeps): MiddlewareHandler<AppEnv> {
  const leaseMs = deps.idempotencyLeaseMs ?? IDEMPOTENCY_LEASE_MS;
  const leaseFrom = (now: Date) => new Date(now.getTime() + leaseMs);
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
    const { principal, requestHash } = claimIdentity(c.get("actor"), c.req.method, c.req.path, await c.req.text());
    const now = deps.clock.now();
    const where = and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key));
    const ours = and(where, eq(idempotencyKeys.requestHash, requestHash), isNull(idempotencyKeys.responseStatus));
    await deps.db
      .delete(idempotencyKeys)
      .where(and(where, lt(idempotencyKeys.createdAt, new Date(now.getTime() - TTL_MS))));
    const claimed = await deps.db
      .insert(idempotencyKeys)
      .values({ principal, key, requestHash, createdAt: now, leaseExpiresAt: leaseFrom(now) })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0) {
      const replay = await settleExistingClaim(deps.db, c, { where, ours, requestHash, now, leaseMs, leaseFrom });
      if (replay) {
        return replay;
      }
    }
    await runUnderLease(deps, c, next, { where, ours, leaseMs, leaseFrom });
  };
}

type ClaimQuery = { where: SQL | undefined; ours: SQL | undefined; leaseMs: number; leaseFrom: (now: Date) => Date };

/**
 * The key is already claimed: replay its response, refuse, or take over a claim whose lease lapsed. Returns
 * the replayed response, or undefined when this request now holds the claim and runs.
 */
async function settleExistingClaim(
  db: Db,
  c: Context<AppEnv>,
  q: ClaimQuery & { requestHash: string; now: Date },
): Promise<Response | undefined> {
  const [existing] = await db.select().from(idempotencyKeys).where(q.where);
  if (!existing) {
    // Released (a 5xx) or expired between our insert and this read: the caller's retry will claim it.
    throw inProgress(1);
  }
  if (existing.requestHash !== q.requestHash) {
    throw new AppError(
      "conflict",
      "This Idempotency-Key was already used with a different request (or different permissions).",
      {
        fix: "Use a new Idempotency-Key for a different request.",
      },
    );
  }
  if (existing.responseStatus !== null && existing.responseBody !== null) {
    c.header("Idempotent-Replayed", "true");
    return c.body(existing.responseBody, existing.responseStatus as ContentfulStatusCode, {
      "content-type": "application/json",
    });
  }
  // The conditional update is the takeover: of two retries that both saw a lapsed lease, only one row update
  // matches (the other sees the new lease) and only that one runs. A claim without a lease was made before
  // leases existed; it counts as lapsed one lease after it was made.
  const [taken] = await db
    .update(idempotencyKeys)
    .set({ leaseExpiresAt: q.leaseFrom(q.now) })
    .where(
      and(
        q.ours,
        or(
          lt(idempotencyKeys.leaseExpiresAt, q.now),
          and(
            isNull(idempotencyKeys.leaseExpiresAt),
            lt(idempotencyKeys.createdAt, new Date(q.now.getTime() - q.leaseMs)),
          ),
        ),
      ),
    )
    .returning();
  if (!taken) {
    const leaseEnd = existing.leaseExpiresAt?.getTime() ?? existing.createdAt.getTime() + q.leaseMs;
    throw inProgress(Math.max(1, Math.ceil((leaseEnd - q.now.getTime()) / 1000)));
  }
  return undefined;
}

/** Runs the request while renewing the lease, then stores the response (or releases the key on Settle's 5xx). */
async function runUnderLease(deps: IdempotencyDeps, c: Context<AppEnv>, next: () => Promise<void>, q: ClaimQuery) {
  const renew = setInterval(
    () => {
      deps.db
        .update(idempotencyKeys)
        .set({ leaseExpiresAt: q.leaseFrom(deps.clock.now()) })
        .where(q.ours)
        .catch((error: unknown) => c.get("logger").warn({ err: error }, "could not renew an idempotency lease"));
    },
    Math.max(1, Math.floor(q.leaseMs / 3)),
  );
  renew.unref?.();
  try {
    await next();
  } catch (error) {
    await deps.db.delete(idempotencyKeys).where(q.ours);
    throw error;
  } finally {
    clearInterval(renew);
  }
  if (c.res.status >= 500 && c.res.status !== 502) {
    await deps.db.delete(idempotencyKeys).where(q.where);
    return;
  }
  const body = await c.res.clone().text();
  // Only an unanswered claim for this request is answered: a takeover that already stored its response wins.
  await deps.db
    .update(idempotencyKeys)
    .set({ responseStatus: c.res.status, responseBody: body, leaseExpiresAt: null })
    .where(q.ours);
}

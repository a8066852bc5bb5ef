import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { StripeSandboxContext } from "../context.ts";
import { StripeError } from "../core/errors.ts";
import type { ApiEnv } from "./env.ts";

/** Stripe prunes keys after at least 24 hours; a reuse after that is a new request. */
const KEY_TTL_MS = 24 * 3600_000;
const MAX_KEY_LENGTH = 255;

/**
 * Stripe's idempotent requests: a POST's first answer under a key is kept (5xx included) and replayed with
 * `Idempotent-Replayed: true` when the same key comes again with the same parameters; other parameters are
 * a 400 `idempotency_error`, a concurrent request with the key a 409. Failed validation (400) and rate
 * limiting are not kept, so a corrected retry under the same key goes through.
 */
export function idempotency(ctx: StripeSandboxContext): MiddlewareHandler<ApiEnv> {
  const inFlight = new Set<string>();
  return async (c, next) => {
    const key = c.get("idempotencyKey");
    if (c.req.method !== "POST" || !key) return next();
    if (key.length > MAX_KEY_LENGTH) {
      throw new StripeError(400, {
        type: "invalid_request_error",
        message: `Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters long.`,
      });
    }
    const slot = `${c.get("account")} ${key}`;
    const fingerprint = createHash("sha256")
      .update(`${new URL(c.req.url).pathname}\n${JSON.stringify(c.get("params").raw)}`)
      .digest("hex");
    prune(ctx);
    const kept = ctx.store.state.idempotency[slot];
    if (kept) {
      if (kept.fingerprint !== fingerprint) {
        throw new StripeError(400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        });
      }
      return new Response(kept.body, {
        status: kept.status,
        headers: {
          "content-type": "application/json",
          "Idempotency-Key": key,
          "Idempotent-Replayed": "true",
          "Request-Id": c.get("requestId"),
        },
      });
    }
    if (inFlight.has(slot)) {
      throw new StripeError(409, {
        type: "idempotency_error",
        code: "idempotency_key_in_use",
        message:
          "There is currently another in-progress request using this Stripe-Account, Idempotency-Key, and API key combination. Try again later.",
      });
    }
    inFlight.add(slot);
    try {
      await next();
    } finally {
      inFlight.delete(slot);
    }
    c.header("Idempotency-Key", key);
    const status = c.res.status;
    if (status === 400 || status === 409 || status === 429) return;
    ctx.store.state.idempotency[slot] = {
      fingerprint,
      status,
      body: await c.res.clone().text(),
      createdAtMs: ctx.clock.nowMs(),
    };
    ctx.store.changed();
  };
}

let lastPruneMs = 0;

function prune(ctx: StripeSandboxContext): void {
  // Once a minute is plenty: the window is a day.
  if (ctx.clock.nowMs() - lastPruneMs < 60_000) return;
  lastPruneMs = ctx.clock.nowMs();
  const cutoff = ctx.clock.nowMs() - KEY_TTL_MS;
  const table = ctx.store.state.idempotency;
  for (const [slot, record] of Object.entries(table)) {
    if (record.createdAtMs < cutoff) delete table[slot];
  }
}

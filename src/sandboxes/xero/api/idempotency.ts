import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { SandboxContext } from "../context.ts";
import { IDEMPOTENCY_WINDOW_MS } from "../options.ts";
import type { ApiEnv } from "./api-env.ts";
import { singleValidationError } from "./responses.ts";

interface StoredResponse {
  fingerprint: string;
  status: number;
  contentType: string | null;
  body: string;
  expiresMs: number;
}

/** Replays the first response for a key within ~6 minutes; errors are cached too, like Xero. */
export class IdempotencyCache {
  private readonly entries = new Map<string, StoredResponse>();

  constructor(private readonly ctx: SandboxContext) {}

  middleware(): MiddlewareHandler<ApiEnv> {
    return async (c, next) => {
      const key = c.req.header("idempotency-key");
      if (!key || c.req.method === "GET") return next();
      if (key.length > 128) return singleValidationError(c, "Idempotency-Key must be 128 characters or fewer.");
      const now = this.ctx.clock.nowMs();
      this.prune(now);
      const scopeKey = `${c.get("claims").client_id}|${c.get("tenantId")}|${key}`;
      const fingerprint = createHash("sha256")
        .update(`${c.req.method} ${c.req.url}\n${await c.req.text()}`)
        .digest("hex");
      const stored = this.entries.get(scopeKey);
      if (stored && stored.fingerprint !== fingerprint) {
        return singleValidationError(c, `Idempotency Key ${key} is used with a different request.`);
      }
      if (stored) {
        const headers = new Headers(stored.contentType ? { "content-type": stored.contentType } : {});
        return new Response(stored.status === 204 ? null : stored.body, { status: stored.status, headers });
      }
      await next();
      const body = c.res.status === 204 ? "" : await c.res.clone().text();
      this.entries.set(scopeKey, {
        fingerprint,
        status: c.res.status,
        contentType: c.res.headers.get("content-type"),
        body,
        expiresMs: now + IDEMPOTENCY_WINDOW_MS,
      });
    };
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresMs <= now) this.entries.delete(key);
  }
}

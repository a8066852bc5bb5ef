import { and, eq, lt } from "drizzle-orm";
import type { Actor, Ctx } from "../context.ts";
import { mcpIdempotency } from "../db/schema/index.ts";
import { AppError } from "../lib/errors.ts";
import { sha256 } from "../lib/secrets.ts";

const TTL_MS = 24 * 60 * 60 * 1000;
/** A claim with no result this long after it was made belongs to a call that died; a retry takes it over. */
const STALE_CLAIM_MS = 60_000;

type Result = Record<string, unknown>;

function principalOf(actor: Actor): string {
  if (actor.kind === "api_key") return `key:${actor.keyId}`;
  if (actor.kind === "member") return actor.oauthGrantId ? `oauth:${actor.oauthGrantId}` : `user:${actor.userId}`;
  return "system";
}

/**
 * Runs a money-moving tool call at most once per (workspace, credential, tool, idempotency_key): the first call
 * claims the key and stores its result, a repeat with the same arguments gets that result back, a repeat with
 * other arguments is a conflict. The scopes are part of the arguments' hash, as in REST: a result shaped for other
 * scopes is never replayed. A failed call releases the key so it can be retried.
 */
export async function runOnce(
  ctx: Ctx,
  call: { tool: string; key: string; args: unknown },
  run: () => Promise<Result>,
): Promise<Result> {
  const now = ctx.clock.now();
  const scopes = [...ctx.actor.scopes].sort().join(" ");
  const argsHash = sha256(`${JSON.stringify(call.args)}\n${scopes}`);
  const row = {
    workspaceId: ctx.actor.workspaceId,
    principal: principalOf(ctx.actor),
    tool: call.tool,
    key: call.key,
  };
  const where = and(
    eq(mcpIdempotency.workspaceId, row.workspaceId),
    eq(mcpIdempotency.principal, row.principal),
    eq(mcpIdempotency.tool, row.tool),
    eq(mcpIdempotency.key, row.key),
  );
  await ctx.db.delete(mcpIdempotency).where(and(where, lt(mcpIdempotency.createdAt, new Date(now.getTime() - TTL_MS))));
  const claimed = await ctx.db
    .insert(mcpIdempotency)
    .values({ ...row, argsHash, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (claimed.length === 0) {
    const [existing] = await ctx.db.select().from(mcpIdempotency).where(where);
    if (existing && existing.argsHash !== argsHash) {
      throw new AppError("conflict", `idempotency_key "${call.key}" was already used with different arguments.`, {
        fix: "Use a new idempotency_key for a different call.",
      });
    }
    if (existing?.result) {
      return existing.result as Result;
    }
    const stale = existing && existing.createdAt.getTime() < now.getTime() - STALE_CLAIM_MS;
    const taken = stale
      ? await ctx.db
          .update(mcpIdempotency)
          .set({ createdAt: now })
          .where(and(where, eq(mcpIdempotency.createdAt, existing.createdAt)))
          .returning()
      : [];
    if (taken.length === 0) {
      throw new AppError("conflict", `A call with idempotency_key "${call.key}" is still running; retry shortly.`, {
        details: { retry_after: 1 },
      });
    }
  }
  let result: Result;
  try {
    result = await run();
  } catch (error) {
    await ctx.db.delete(mcpIdempotency).where(where);
    throw error;
  }
  await ctx.db.update(mcpIdempotency).set({ result }).where(where);
  return result;
}

import { and, eq, gt, ne, sql } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { xeroCallLog, xeroRateLimits } from "../../db/schema/xero-sync.ts";
import type { LedgerCallGate, LedgerCallLimits } from "../../integrations/accounting/port.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { RECONNECT_FIX } from "./internal.ts";
import { knownXeroFix } from "./xero-known-fixes.ts";

/**
 * Xero's limits per organisation, kept a little under: 5 in flight, 55 a minute (Xero allows 60), and a day
 * budget of which background work (sync, webhooks) leaves `userReserve` for what members ask for. The adapter's
 * `callLimits` (from config: a sandbox that allows more) override them.
 */
export const XERO_LIMITS: Readonly<LedgerCallLimits> = Object.freeze({
  concurrent: 5,
  perMinute: 55,
  perDay: 5000,
  userReserve: 500,
});

function limitsOf(ctx: Ctx): LedgerCallLimits {
  return { ...XERO_LIMITS, ...ctx.accounting?.callLimits };
}

/** A call still "in flight" after this long belongs to a process that died; it no longer holds a slot. */
const STALE_IN_FLIGHT_MS = 2 * 60_000;
/** How long a caller waits for a free slot before giving up with a 429 of its own. */
const WAIT_FOR_SLOT_MS = { user: 10_000, background: 60_000 };
const POLL_MS = 100;
/** When a 429 names no Retry-After. */
const DEFAULT_PAUSE_SECONDS = 60;

/**
 * The integration log's action for a token refresh. It is a call to Xero's identity service, not to the
 * organisation's Accounting API, so Xero does not count it against the organisation's limits and neither does
 * the limiter.
 */
export const TOKEN_REFRESH_ACTION = "token.refresh";

/** Records a token refresh in the integration log, outside the limiter (see TOKEN_REFRESH_ACTION). */
export async function recordTokenRefresh(
  ctx: Ctx,
  scope: { workspaceId: string; tenantId: string },
  result: { startedAt: Date; durationMs: number; error: unknown },
): Promise<void> {
  const error = result.error;
  const status = error instanceof AppError ? Number(error.details?.xero_status ?? 0) || null : null;
  const message = error ? (error instanceof Error ? error.message : String(error)).slice(0, 2000) : null;
  // Xero refusing the refresh (revoked, expired, app removed) is fixed only by reconnecting; no answer at all
  // (identity service down, timeout) passes by itself, and the next call tries again.
  const refused =
    (error instanceof AppError && error.details?.xero_error === "invalid_grant") ||
    (status !== null && status >= 400 && status < 500);
  await ctx.db.insert(xeroCallLog).values({
    id: newId("xeroCall"),
    workspaceId: scope.workspaceId,
    tenantId: scope.tenantId,
    action: TOKEN_REFRESH_ACTION,
    outcome: error ? "failed" : "ok",
    httpStatus: error ? status : 200,
    durationMs: result.durationMs,
    recordId: null,
    message,
    fix: error ? (refused ? RECONNECT_FIX : knownXeroFix(status ?? 0, message ?? "")) : null,
    userInitiated: ctx.actor.kind !== "system",
    startedAt: result.startedAt,
    finishedAt: ctx.clock.now(),
  });
}

export type CallScope = { workspaceId: string; tenantId: string; recordId: string | null; userInitiated: boolean };

type Slot = { id: string } | { waitMs: number } | { pausedSeconds: number; reason: string };

/**
 * The limiter and the integration log in one: every call to a Xero organisation first takes a slot under a
 * lock on that organisation's `xero_rate_limits` row (so every process on the database shares it), recorded as
 * an `in_flight` log row; the row is then finished with the outcome. A 429 pauses that organisation only.
 */
export function xeroCallGate(ctx: Ctx, scope: CallScope): LedgerCallGate {
  return async (action, run) => {
    const id = await takeSlot(ctx, scope, action);
    const started = Date.now();
    try {
      const result = await run();
      await finish(ctx, id, { outcome: "ok", httpStatus: 200, durationMs: Date.now() - started });
      return result;
    } catch (error) {
      const status = error instanceof AppError ? Number(error.details?.xero_status ?? 0) : 0;
      const message = error instanceof Error ? error.message : String(error);
      await finish(ctx, id, {
        outcome: status === 429 ? "rate_limited" : "failed",
        httpStatus: status || null,
        durationMs: Date.now() - started,
        message: message.slice(0, 2000),
        fix: (error instanceof AppError ? error.fix : undefined) ?? knownXeroFix(status, message),
      });
      if (status === 429) {
        const retryAfter = Number((error as AppError).details?.retry_after ?? DEFAULT_PAUSE_SECONDS);
        await pause(ctx, scope.tenantId, retryAfter, "Xero answered 429 Too Many Requests");
      }
      throw error;
    }
  };
}

async function takeSlot(ctx: Ctx, scope: CallScope, action: string): Promise<string> {
  const waitUntil = Date.now() + (scope.userInitiated ? WAIT_FOR_SLOT_MS.user : WAIT_FOR_SLOT_MS.background);
  for (;;) {
    const slot = await trySlot(ctx, scope, action);
    if ("id" in slot) return slot.id;
    if ("pausedSeconds" in slot || Date.now() + slot.waitMs > waitUntil) {
      const seconds = "pausedSeconds" in slot ? slot.pausedSeconds : Math.max(1, Math.ceil(slot.waitMs / 1000));
      const reason = "reason" in slot ? slot.reason : "Settle's calls to it are at Xero's limit";
      throw new AppError("rate_limited", `Xero is pausing this organisation (${reason}); retry in ${seconds} s.`, {
        fix: "Nothing to do: Settle resumes by itself once Xero's wait is over.",
        details: { retry_after: seconds, xero_status: 429 },
      });
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(slot.waitMs, POLL_MS * 5)));
  }
}

async function trySlot(ctx: Ctx, scope: CallScope, action: string): Promise<Slot> {
  return withTransaction(ctx, async (tx) => {
    await tx.insert(xeroRateLimits).values({ tenantId: scope.tenantId }).onConflictDoNothing();
    const [limit] = await tx
      .select()
      .from(xeroRateLimits)
      .where(eq(xeroRateLimits.tenantId, scope.tenantId))
      .for("update");
    const now = ctx.clock.now();
    const nowMs = now.getTime();
    if (limit?.pausedUntil && limit.pausedUntil.getTime() > nowMs) {
      const seconds = Math.ceil((limit.pausedUntil.getTime() - nowMs) / 1000);
      return { pausedSeconds: seconds, reason: limit.pauseReason ?? "rate limited" };
    }
    const minuteAgo = new Date(nowMs - 60_000);
    const staleBefore = new Date(nowMs - STALE_IN_FLIGHT_MS);
    const [counts] = await tx
      .select({
        inFlight: sql<string>`count(*) filter (where ${xeroCallLog.outcome} = 'in_flight' and ${xeroCallLog.startedAt} > ${staleBefore})`,
        minute: sql<string>`count(*) filter (where ${xeroCallLog.startedAt} > ${minuteAgo})`,
        oldestInMinute: sql<
          string | null
        >`min(${xeroCallLog.startedAt}) filter (where ${xeroCallLog.startedAt} > ${minuteAgo})`,
        day: sql<string>`count(*)`,
        oldestInDay: sql<string | null>`min(${xeroCallLog.startedAt})`,
      })
      .from(xeroCallLog)
      .where(
        and(
          eq(xeroCallLog.tenantId, scope.tenantId),
          gt(xeroCallLog.startedAt, new Date(nowMs - 86_400_000)),
          ne(xeroCallLog.action, TOKEN_REFRESH_ACTION),
        ),
      );
    const limits = limitsOf(ctx);
    const dayBudget = limits.perDay - (scope.userInitiated ? 0 : limits.userReserve);
    if (Number(counts?.day ?? 0) >= dayBudget) {
      const oldest = counts?.oldestInDay ? new Date(counts.oldestInDay).getTime() : nowMs;
      return { pausedSeconds: Math.max(1, Math.ceil((oldest + 86_400_000 - nowMs) / 1000)), reason: "day budget" };
    }
    if (Number(counts?.minute ?? 0) >= limits.perMinute) {
      const oldest = counts?.oldestInMinute ? new Date(counts.oldestInMinute).getTime() : nowMs;
      return { waitMs: Math.max(POLL_MS, oldest + 60_000 - nowMs) };
    }
    if (Number(counts?.inFlight ?? 0) >= limits.concurrent) return { waitMs: POLL_MS };
    const id = newId("xeroCall");
    await tx.insert(xeroCallLog).values({
      id,
      workspaceId: scope.workspaceId,
      tenantId: scope.tenantId,
      action,
      outcome: "in_flight",
      recordId: scope.recordId,
      userInitiated: scope.userInitiated,
      startedAt: now,
    });
    return { id };
  });
}

async function finish(
  ctx: Ctx,
  id: string,
  result: {
    outcome: "ok" | "failed" | "rate_limited";
    httpStatus: number | null;
    durationMs: number;
    message?: string;
    fix?: string | null;
  },
): Promise<void> {
  await ctx.db
    .update(xeroCallLog)
    .set({ ...result, fix: result.fix ?? null, message: result.message ?? null, finishedAt: ctx.clock.now() })
    .where(eq(xeroCallLog.id, id));
}

/** Pauses one organisation until Retry-After has passed; a longer pause already set is kept. */
export async function pause(ctx: Ctx, tenantId: string, seconds: number, reason: string): Promise<void> {
  const until = new Date(ctx.clock.now().getTime() + Math.max(1, seconds) * 1000);
  await ctx.db
    .insert(xeroRateLimits)
    .values({ tenantId, pausedUntil: until, pauseReason: reason })
    .onConflictDoUpdate({
      target: xeroRateLimits.tenantId,
      set: { pausedUntil: sql`greatest(${xeroRateLimits.pausedUntil}, ${until})`, pauseReason: reason },
    });
}

import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { xeroConnections } from "../../db/schema/integrations.ts";
import type { AccountingLedger } from "../../integrations/accounting/port.ts";
import { isXeroUnauthorized } from "../../integrations/accounting/xero-call.ts";
import { AppError } from "../../lib/errors.ts";
import { SecretBoxError } from "../../lib/secret-box.ts";
import {
  assertConnectionActive,
  connectionWhere,
  getXeroConnectionOrThrow,
  openTokens,
  RECONNECT_FIX,
  requireAccounting,
  sealTokens,
  type XeroConnectionRow,
} from "./internal.ts";
import { recordTokenRefresh, xeroCallGate } from "./xero-call-gate.ts";

// Refresh a little early so a token never expires between the check and the call.
const REFRESH_MARGIN_MS = 60_000;

export type XeroSession = {
  ledger: AccountingLedger;
  tenantId: string;
  connection: XeroConnectionRow;
  /** The Settle record the following calls are about, for the integration log (e.g. once an invoice has an id). */
  recordAs(recordId: string): void;
};

/**
 * A ledger for the workspace's Xero organisation with a live access token. Xero rotates the refresh token
 * on every use, so two concurrent refreshes would lose one rotation: the refresh runs while the connection
 * row is locked (SELECT … FOR UPDATE). This is the one network call held inside a transaction, on purpose:
 * the lock must span the exchange, and the second caller then finds the fresh token and skips its own.
 *
 * Every call through the ledger that Xero answers 401/403 refreshes once and is tried again; refused again,
 * or refused a refresh, the connection is marked `needs_reconnect` and the caller told how to fix it, so
 * jobs stop retrying and the web app shows Reconnect Xero.
 */
export async function xeroLedger(ctx: Ctx, options: { recordId?: string | null } = {}): Promise<XeroSession> {
  const accounting = requireAccounting(ctx);
  const workspaceId = ctx.actor.workspaceId;
  const current = await getXeroConnectionOrThrow(ctx.db, workspaceId);
  assertConnectionActive(current);
  // Every call passes the organisation's shared limiter and lands in the integration log.
  const scope = {
    workspaceId,
    tenantId: current.tenantId,
    recordId: options.recordId ?? null,
    userInitiated: ctx.actor.kind !== "system",
  };
  const gate = xeroCallGate(ctx, scope);
  // One ledger (one SDK client) per access token; replaced only when a 401 made the session refresh.
  const ledgerFor = (tokens: { accessToken: string }) =>
    accounting.ledger({ accessToken: tokens.accessToken, tenantId: current.tenantId, gate });
  let ledger = ledgerFor(await liveSession(ctx, current, false));
  const retried = Object.fromEntries(
    Object.keys(ledger).map((method) => {
      const run = (args: unknown[]) =>
        (ledger[method as keyof AccountingLedger] as (...a: unknown[]) => Promise<unknown>)(...args);
      const withRetry = async (...args: unknown[]) => {
        try {
          return await run(args);
        } catch (error) {
          if (!isXeroUnauthorized(error)) throw error;
          ledger = ledgerFor(await liveSession(ctx, current, true));
          try {
            return await run(args);
          } catch (again) {
            if (!isXeroUnauthorized(again)) throw again;
            const reason = "Xero no longer accepts Settle's access to this organisation.";
            await markNeedsReconnect(ctx, current, reason);
            throw new AppError("precondition_failed", reason, {
              fix: RECONNECT_FIX,
              details: { xero_connection: "needs_reconnect" },
              cause: again,
            });
          }
        }
      };
      return [method, withRetry];
    }),
  ) as AccountingLedger;
  const recordAs = (recordId: string) => {
    scope.recordId = recordId;
  };
  return { ledger: retried, tenantId: current.tenantId, connection: current, recordAs };
}

/** The connection's tokens, refreshed under the row lock when close to expiry (or when `force`d after a 401). */
async function liveSession(ctx: Ctx, current: XeroConnectionRow, force: boolean) {
  const accounting = requireAccounting(ctx);
  const box = accounting.tokenBox;
  const fresh = (expiresAt: Date) => expiresAt.getTime() - REFRESH_MARGIN_MS > ctx.clock.now().getTime();
  const opened = (row: XeroConnectionRow) => {
    try {
      return openTokens(box, row);
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      return null;
    }
  };
  const tokens = opened(current);
  if (tokens && !force && fresh(current.expiresAt)) return tokens;
  // The refresh is recorded in the integration log once the row lock is released, whatever its outcome.
  let attempt: { startedAt: Date; durationMs: number; error: unknown } | null = null;
  const refreshed = await withTransaction(ctx, async (tx) => {
    const [locked] = await tx.select().from(xeroConnections).where(connectionWhere(current)).for("update");
    if (!locked) {
      throw new AppError("precondition_failed", "Xero was disconnected meanwhile.", { fix: RECONNECT_FIX });
    }
    assertConnectionActive(locked);
    const lockedTokens = opened(locked);
    if (!lockedTokens) return { reconnect: "Settle cannot open the stored Xero tokens (SETTLE_SECRET_KEY changed?)." };
    // Someone else refreshed while this caller waited (or after its 401): use theirs.
    const rotated = locked.refreshToken !== current.refreshToken;
    if ((!force || rotated) && fresh(locked.expiresAt)) return { tokens: lockedTokens };
    const startedAt = ctx.clock.now();
    const started = Date.now();
    try {
      const next = await accounting.auth.refresh(lockedTokens.refreshToken).catch((error: unknown) => {
        attempt = { startedAt, durationMs: Date.now() - started, error };
        throw error;
      });
      attempt = { startedAt, durationMs: Date.now() - started, error: null };
      await tx
        .update(xeroConnections)
        .set({ ...sealTokens(box, locked.workspaceId, next), updatedAt: ctx.clock.now() })
        .where(connectionWhere(locked));
      return { tokens: next };
    } catch (error) {
      if (error instanceof AppError && error.details?.xero_error === "invalid_grant") {
        return { reconnect: "Xero refused to renew Settle's access (it was revoked or unused for 60 days)." };
      }
      throw error;
    }
  }).finally(async () => {
    if (attempt)
      await recordTokenRefresh(ctx, { workspaceId: current.workspaceId, tenantId: current.tenantId }, attempt);
  });
  if ("reconnect" in refreshed && refreshed.reconnect) {
    await markNeedsReconnect(ctx, current, refreshed.reconnect);
    throw new AppError("precondition_failed", refreshed.reconnect, {
      fix: RECONNECT_FIX,
      details: { xero_connection: "needs_reconnect" },
    });
  }
  return (refreshed as { tokens: ReturnType<typeof openTokens> }).tokens;
}

async function markNeedsReconnect(ctx: Ctx, row: XeroConnectionRow, reason: string): Promise<void> {
  await ctx.db
    .update(xeroConnections)
    .set({ status: "needs_reconnect", statusReason: reason, updatedAt: ctx.clock.now() })
    .where(eq(xeroConnections.id, row.id));
}

import { type Ctx, withTransaction } from "../../context.ts";
import { xeroConnections } from "../../db/schema/integrations.ts";
import type { AccountingLedger } from "../../integrations/accounting/port.ts";
import { AppError } from "../../lib/errors.ts";
import { connectionWhere, getXeroConnectionOrThrow, requireAccounting } from "./internal.ts";

// Refresh a little early so a token never expires between the check and the call.
const REFRESH_MARGIN_MS = 60_000;

/**
 * A ledger for the workspace's Xero organisation with a live access token. Xero rotates the refresh token
 * on every use, so two concurrent refreshes would lose one rotation: the refresh runs while the connection
 * row is locked (SELECT … FOR UPDATE). This is the one network call held inside a transaction, on purpose:
 * the lock must span the exchange, and the second caller then finds the fresh token and skips its own.
 */
export async function xeroLedger(ctx: Ctx): Promise<{ ledger: AccountingLedger; tenantId: string }> {
  const accounting = requireAccounting(ctx);
  const workspaceId = ctx.actor.workspaceId;
  const current = await getXeroConnectionOrThrow(ctx.db, workspaceId);
  const fresh = (expiresAt: Date) => expiresAt.getTime() - REFRESH_MARGIN_MS > ctx.clock.now().getTime();
  let row = current;
  if (!fresh(current.expiresAt)) {
    row = await withTransaction(ctx, async (tx) => {
      const [locked] = await tx.select().from(xeroConnections).where(connectionWhere(current)).for("update");
      if (!locked) {
        throw new AppError("precondition_failed", "Xero was disconnected meanwhile.");
      }
      if (fresh(locked.expiresAt)) {
        return locked;
      }
      const tokens = await accounting.auth.refresh(locked.refreshToken);
      const [updated] = await tx
        .update(xeroConnections)
        .set({ ...tokens, updatedAt: ctx.clock.now() })
        .where(connectionWhere(locked))
        .returning();
      return updated ?? locked;
    });
  }
  return {
    ledger: accounting.ledger({ accessToken: row.accessToken, tenantId: row.tenantId }),
    tenantId: row.tenantId,
  };
}

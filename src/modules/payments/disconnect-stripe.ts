import { and, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { stripeConnections } from "../../db/schema/payments.ts";
import { requireScope } from "../access/index.ts";
import { recordAudit } from "../audit/index.ts";
import { findStripeConnection, requirePayments } from "./internal.ts";

/**
 * Disconnect: Stripe is asked to deauthorize Settle first (so Stripe stops acting for us), then the
 * connection is removed; payment links and the payment log stay. An account Stripe already disconnected
 * (deauthorized) is simply removed.
 */
export async function disconnectStripe(ctx: Ctx): Promise<void> {
  requireScope(ctx.actor.scopes, "integrations:write");
  const row = await findStripeConnection(ctx.db, ctx.actor.workspaceId);
  if (!row) return;
  if (row.status === "active") {
    await requirePayments(ctx)
      .deauthorize(row.accountId)
      .catch((error: unknown) => {
        // Already disconnected on Stripe's side: nothing more to revoke.
        if (!isAlreadyRevoked(error)) throw error;
      });
  }
  await withTransaction(ctx, async (tx) => {
    await tx.delete(stripeConnections).where(eq(stripeConnections.workspaceId, ctx.actor.workspaceId));
    await recordAudit(tx, ctx, {
      action: "integration.disconnected",
      targetType: "integration",
      targetId: "stripe",
      details: { account_id: row.accountId },
    });
  });
}

function isAlreadyRevoked(error: unknown): boolean {
  const status = (error as { statusCode?: number }).statusCode;
  return status === 401 || status === 403 || (error as { type?: string }).type === "StripeInvalidGrantError";
}

/** `account.application.deauthorized`: the account disconnected Settle from Stripe's side. */
export async function markStripeDeauthorized(tx: Tx, accountId: string, at: Date): Promise<string | null> {
  const [row] = await tx
    .update(stripeConnections)
    .set({ status: "deauthorized", deauthorizedAt: at, updatedAt: at })
    .where(and(eq(stripeConnections.accountId, accountId), eq(stripeConnections.status, "active")))
    .returning({ workspaceId: stripeConnections.workspaceId });
  return row?.workspaceId ?? null;
}

import { and, desc, eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { stripeConnections } from "../../db/schema/payments.ts";
import type { PaymentsProvider } from "../../integrations/payments/port.ts";
import { AppError } from "../../lib/errors.ts";

export type StripeConnectionRow = typeof stripeConnections.$inferSelect;

export const CONNECT_STRIPE_FIX = "Connect Stripe in Settings → Integrations";

export function requirePayments(ctx: Ctx): PaymentsProvider {
  if (!ctx.payments) {
    throw new AppError("precondition_failed", "Stripe is not configured on this server.", {
      fix: "Set STRIPE_SECRET_KEY, STRIPE_CLIENT_ID and STRIPE_WEBHOOK_SECRET (a Connect platform's), or SETTLE_SANDBOXES=1 to use the local Stripe sandbox.",
    });
  }
  return ctx.payments;
}

export async function findStripeConnection(db: DbOrTx, workspaceId: string): Promise<StripeConnectionRow | undefined> {
  const [row] = await db.select().from(stripeConnections).where(eq(stripeConnections.workspaceId, workspaceId));
  return row;
}

/** The workspace's connected Stripe account, or 409 with the fix a member can act on. */
export async function activeStripeConnection(db: DbOrTx, workspaceId: string): Promise<StripeConnectionRow> {
  const row = await findStripeConnection(db, workspaceId);
  if (row?.status === "active") return row;
  throw new AppError(
    "precondition_failed",
    row ? "Stripe disconnected Settle from this workspace's account." : "Stripe is not connected to this workspace.",
    { fix: CONNECT_STRIPE_FIX, details: { stripe_connection: row ? "deauthorized" : "none" } },
  );
}

/** Which workspace a connected account's events belong to: its active connection, else its latest one. */
export async function workspaceOfAccount(db: DbOrTx, accountId: string): Promise<StripeConnectionRow | undefined> {
  const [active] = await db
    .select()
    .from(stripeConnections)
    .where(and(eq(stripeConnections.accountId, accountId), eq(stripeConnections.status, "active")));
  if (active) return active;
  const [latest] = await db
    .select()
    .from(stripeConnections)
    .where(eq(stripeConnections.accountId, accountId))
    .orderBy(desc(stripeConnections.updatedAt))
    .limit(1);
  return latest;
}

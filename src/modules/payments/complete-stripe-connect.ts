import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { type Ctx, withTransaction } from "../../context.ts";
import { stripeAuthRequests, stripeConnections } from "../../db/schema/payments.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { sha256 } from "../../lib/secrets.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { recordAudit } from "../audit/index.ts";
import { requirePayments } from "./internal.ts";

export const CompleteStripeConnectInput = z.strictObject({
  code: z.string().min(1).max(500),
  state: z.string().min(1).max(200),
});

/**
 * Stripe sent the member back with a code. The state must be this workspace's and unexpired, and is consumed
 * first, so a replayed callback fails. An account already connected to another workspace is refused: its
 * events must belong to one workspace.
 */
export async function completeStripeConnect(ctx: Ctx, input: z.input<typeof CompleteStripeConnectInput>) {
  const parsed = parseInput(CompleteStripeConnectInput, input);
  requireScope(ctx.actor.scopes, "integrations:write");
  const payments = requirePayments(ctx);
  const workspaceId = ctx.actor.workspaceId;
  const [request] = await ctx.db
    .delete(stripeAuthRequests)
    .where(and(eq(stripeAuthRequests.stateHash, sha256(parsed.state)), eq(stripeAuthRequests.workspaceId, workspaceId)))
    .returning();
  if (!request || request.expiresAt.getTime() < ctx.clock.now().getTime()) {
    throw new AppError("invalid_input", "This Stripe consent is unknown or expired; start again.", {
      issues: [{ field: "state", message: "unknown or expired" }],
    });
  }
  const granted = await payments.exchangeCode(parsed.code);
  const accountName = await payments.accountName(granted.accountId).catch(() => null);
  const now = ctx.clock.now();
  await withTransaction(ctx, async (tx) => {
    const [elsewhere] = await tx
      .select({ workspaceId: stripeConnections.workspaceId })
      .from(stripeConnections)
      .where(
        and(
          eq(stripeConnections.accountId, granted.accountId),
          eq(stripeConnections.status, "active"),
          ne(stripeConnections.workspaceId, workspaceId),
        ),
      );
    if (elsewhere) {
      throw new AppError("conflict", "This Stripe account is already connected to another Settle workspace.", {
        fix: "Disconnect it there first, or connect a different Stripe account.",
      });
    }
    const values = {
      accountId: granted.accountId,
      accountName,
      scope: granted.scope,
      livemode: granted.livemode ? 1 : 0,
      status: "active" as const,
      deauthorizedAt: null,
      updatedAt: now,
    };
    await tx
      .insert(stripeConnections)
      .values({ id: newId("stripeConnection", now), workspaceId, ...values })
      .onConflictDoUpdate({ target: stripeConnections.workspaceId, set: values });
    await recordAudit(tx, ctx, {
      action: "integration.connected",
      targetType: "integration",
      targetId: "stripe",
      details: { account_id: granted.accountId, account_name: accountName },
    });
  });
  return { accountId: granted.accountId };
}

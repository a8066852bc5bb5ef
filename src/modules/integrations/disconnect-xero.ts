import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { xeroConnections } from "../../db/schema/integrations.ts";
import { requireScope } from "../access/index.ts";
import { recordAudit } from "../audit/index.ts";
import { getXeroStatus, type XeroStatus } from "./get-xero-status.ts";
import { openTokens, requireAccounting } from "./internal.ts";

/**
 * Forgets the connection (native invoicing comes back) and revokes Settle's grant at Xero, so the tokens stop
 * working at once. Revoking is best effort: the member may already have removed the app in Xero.
 */
export async function disconnectXero(ctx: Ctx): Promise<XeroStatus> {
  requireScope(ctx.actor.scopes, "integrations:write");
  const accounting = requireAccounting(ctx);
  const row = await withTransaction(ctx, async (tx) => {
    const [deleted] = await tx
      .delete(xeroConnections)
      .where(eq(xeroConnections.workspaceId, ctx.actor.workspaceId))
      .returning();
    if (deleted) {
      await recordAudit(tx, ctx, {
        action: "integration.disconnected",
        targetType: "integration",
        targetId: "xero",
        details: { tenant_id: deleted.tenantId, tenant_name: deleted.tenantName },
      });
    }
    return deleted;
  });
  if (row) {
    try {
      const tokens = openTokens(accounting.tokenBox, row);
      await accounting.auth.disconnect(tokens.accessToken, row.connectionId).catch(() => undefined);
      await accounting.auth.revoke(tokens.refreshToken).catch(() => undefined);
    } catch {
      // Tokens that no longer open cannot be revoked; the row is gone either way.
    }
  }
  return getXeroStatus(ctx);
}

import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { xeroConnections, xeroTaxMappings, xeroTenantChoices } from "../../db/schema/integrations.ts";
import type { Tenant, TokenSet } from "../../integrations/accounting/port.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../audit/index.ts";
import { requireAccounting, sealTokens } from "./internal.ts";

/**
 * Binds the workspace to one organisation with the consent's tokens (sealed), replacing any earlier
 * connection, and reads the organisation's time zone and base currency (best effort: the connection stands
 * without them). Company links and invoices keep their own tenant id, so those of another organisation are
 * never used after a switch.
 */
export async function saveXeroConnection(ctx: Ctx, tenant: Tenant, tokens: TokenSet): Promise<void> {
  const accounting = requireAccounting(ctx);
  const workspaceId = ctx.actor.workspaceId;
  const now = ctx.clock.now();
  const organisation = await accounting
    .ledger({ accessToken: tokens.accessToken, tenantId: tenant.tenantId })
    .getOrganisation()
    .catch(() => null);
  const values = {
    connectionId: tenant.connectionId,
    tenantId: tenant.tenantId,
    tenantName: tenant.tenantName || organisation?.name || "",
    ...sealTokens(accounting.tokenBox, workspaceId, tokens),
    status: "active" as const,
    statusReason: null,
    timezone: organisation?.timezone ?? null,
    baseCurrency: organisation?.baseCurrency || null,
    updatedAt: now,
  };
  await withTransaction(ctx, async (tx) => {
    const [before] = await tx
      .select({ tenantId: xeroConnections.tenantId })
      .from(xeroConnections)
      .where(eq(xeroConnections.workspaceId, workspaceId));
    // Defaults name accounts and themes of one organisation; another organisation starts without them.
    const switched = before !== undefined && before.tenantId !== tenant.tenantId;
    await tx
      .insert(xeroConnections)
      .values({ id: newId("xeroConnection", now), workspaceId, ...values })
      .onConflictDoUpdate({
        target: xeroConnections.workspaceId,
        set: switched ? { ...values, defaultAccountCode: null, brandingThemeId: null } : values,
      });
    if (switched) {
      await tx.delete(xeroTaxMappings).where(eq(xeroTaxMappings.workspaceId, workspaceId));
    }
    await tx.delete(xeroTenantChoices).where(eq(xeroTenantChoices.workspaceId, workspaceId));
    await recordAudit(tx, ctx, {
      action: "integration.connected",
      targetType: "integration",
      targetId: "xero",
      details: { tenant_id: tenant.tenantId, tenant_name: values.tenantName },
    });
  });
}

import { eq } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { xeroTaxMappings, xeroTenantChoices } from "../../db/schema/integrations.ts";
import { canonicalDecimal } from "../../lib/money.ts";
import { requireScope } from "../access/index.ts";
import { findXeroConnection } from "./internal.ts";

export type XeroStatus = {
  connected: boolean;
  /** `needs_reconnect` when Xero refused the connection; null when not connected. */
  status: "active" | "needs_reconnect" | null;
  statusReason: string | null;
  tenantId: string | null;
  tenantName: string | null;
  timezone: string | null;
  baseCurrency: string | null;
  defaultAccountCode: string | null;
  brandingThemeId: string | null;
  taxMappings: { taxRate: string; taxType: string }[];
  /** Organisations a consent reached, waiting for the member to pick one; empty otherwise. */
  choices: { tenantId: string; tenantName: string }[];
};

/** Whether the workspace has a Xero organisation connected, which, and its defaults. Tokens never leave. */
export async function getXeroStatus(ctx: Ctx): Promise<XeroStatus> {
  requireScope(ctx.actor.scopes, "integrations:read");
  return readXeroStatus(ctx);
}

/** The status without a scope check, for verbs that show part of it under their own scope. */
export async function readXeroStatus(ctx: Ctx): Promise<XeroStatus> {
  const workspaceId = ctx.actor.workspaceId;
  const row = await findXeroConnection(ctx.db, workspaceId);
  const [choice] = await ctx.db.select().from(xeroTenantChoices).where(eq(xeroTenantChoices.workspaceId, workspaceId));
  const mappings = await ctx.db
    .select({ taxRate: xeroTaxMappings.taxRate, taxType: xeroTaxMappings.taxType })
    .from(xeroTaxMappings)
    .where(eq(xeroTaxMappings.workspaceId, workspaceId))
    .orderBy(xeroTaxMappings.taxRate);
  const pending = choice && choice.chooseBy.getTime() > ctx.clock.now().getTime() ? choice.tenants : [];
  return {
    connected: Boolean(row),
    status: row?.status ?? null,
    statusReason: row?.statusReason ?? null,
    tenantId: row?.tenantId ?? null,
    tenantName: row?.tenantName ?? null,
    timezone: row?.timezone ?? null,
    baseCurrency: row?.baseCurrency ?? null,
    defaultAccountCode: row?.defaultAccountCode ?? null,
    brandingThemeId: row?.brandingThemeId ?? null,
    taxMappings: mappings.map((m) => ({ taxRate: canonicalDecimal(m.taxRate), taxType: m.taxType })),
    choices: pending.map((t) => ({ tenantId: t.tenantId, tenantName: t.tenantName })),
  };
}

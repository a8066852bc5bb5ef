import { eq } from "drizzle-orm";
import { z } from "zod";
import { type Ctx, withTransaction } from "../../context.ts";
import { xeroConnections, xeroTaxMappings } from "../../db/schema/integrations.ts";
import { xeroSyncStates } from "../../db/schema/xero-sync.ts";
import { AppError } from "../../lib/errors.ts";
import { canonicalDecimal } from "../../lib/money.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getXeroStatus, type XeroStatus } from "./get-xero-status.ts";
import { readXeroOptions } from "./list-xero-options.ts";
import { xeroLedger } from "./xero-session.ts";

const Percent = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, "must be a percentage like 15 or 12.5")
  .refine((v) => Number(v) <= 100, "must be at most 100");

export const UpdateXeroSettingsInput = z.strictObject({
  default_account_code: z.string().min(1).max(10).nullable().optional(),
  branding_theme_id: z.string().min(1).max(64).nullable().optional(),
  /** Replaces the whole mapping: which Xero tax type lines with each Settle tax rate are sent with. */
  tax_mappings: z
    .array(z.strictObject({ tax_rate: Percent, tax_type: z.string().min(1).max(50) }))
    .max(50)
    .optional(),
  /** How often the scheduled workspace sync runs (webhooks bring changes in between). */
  sync_interval_minutes: z.number().int().min(5).max(1440).optional(),
});

/**
 * The workspace's defaults for new Xero invoices. Each value is checked against the organisation (an active
 * revenue account, an existing branding theme, a tax type that applies to revenue), so a typo is refused
 * here rather than by Xero at the next invoice.
 */
export async function updateXeroSettings(
  ctx: Ctx,
  input: z.input<typeof UpdateXeroSettingsInput>,
): Promise<XeroStatus> {
  const parsed = parseInput(UpdateXeroSettingsInput, input);
  requireScope(ctx.actor.scopes, "integrations:write");
  const workspaceId = ctx.actor.workspaceId;
  const { ledger, tenantId } = await xeroLedger(ctx);
  const offered = async (kind: "accounts" | "branding-themes" | "tax-rates") =>
    (await readXeroOptions(ledger, kind)).map((o) => o.code);
  if (parsed.default_account_code) {
    const codes = await offered("accounts");
    if (!codes.includes(parsed.default_account_code)) {
      throw refused("default_account_code", "is not an active revenue account in Xero", codes);
    }
  }
  if (parsed.branding_theme_id) {
    const ids = await offered("branding-themes");
    if (!ids.includes(parsed.branding_theme_id)) {
      throw refused("branding_theme_id", "is not a branding theme in Xero", ids);
    }
  }
  if (parsed.tax_mappings && parsed.tax_mappings.length > 0) {
    const types = await offered("tax-rates");
    const unknown = parsed.tax_mappings.find((m) => !types.includes(m.tax_type));
    if (unknown) throw refused("tax_mappings.tax_type", `${unknown.tax_type} is not a revenue tax rate in Xero`, types);
  }
  await withTransaction(ctx, async (tx) => {
    const set: Partial<typeof xeroConnections.$inferInsert> = { updatedAt: ctx.clock.now() };
    if (parsed.default_account_code !== undefined) set.defaultAccountCode = parsed.default_account_code;
    if (parsed.branding_theme_id !== undefined) set.brandingThemeId = parsed.branding_theme_id;
    await tx.update(xeroConnections).set(set).where(eq(xeroConnections.workspaceId, workspaceId));
    if (parsed.sync_interval_minutes !== undefined) {
      const intervalMinutes = parsed.sync_interval_minutes;
      await tx
        .insert(xeroSyncStates)
        .values({ workspaceId, tenantId, intervalMinutes })
        .onConflictDoUpdate({ target: xeroSyncStates.workspaceId, set: { intervalMinutes } });
    }
    if (parsed.tax_mappings) {
      await tx.delete(xeroTaxMappings).where(eq(xeroTaxMappings.workspaceId, workspaceId));
      const rows = new Map(parsed.tax_mappings.map((m) => [canonicalDecimal(m.tax_rate), m.tax_type]));
      if (rows.size > 0) {
        await tx
          .insert(xeroTaxMappings)
          .values([...rows].map(([taxRate, taxType]) => ({ workspaceId, taxRate, taxType })));
      }
    }
  });
  return getXeroStatus(ctx);
}

function refused(field: string, message: string, allowed: string[]): AppError {
  return new AppError("invalid_input", `${field} ${message}.`, {
    issues: [{ field, message, allowed: allowed.slice(0, 50) }],
  });
}

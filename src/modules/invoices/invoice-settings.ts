import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { invoiceSettings } from "../../db/schema/invoices.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getInvoiceSettings } from "./internal.ts";
import { UpdateInvoiceSettingsInput } from "./schemas.ts";

export async function readInvoiceSettings(ctx: Ctx) {
  requireScope(ctx.actor.scopes, "invoices:read");
  return getInvoiceSettings(ctx.db, ctx.actor.workspaceId);
}

/** Number prefix, tax mode and default deposit %. Changing the prefix never renumbers existing invoices. */
export async function updateInvoiceSettings(ctx: Ctx, input: unknown) {
  const parsed = parseInput(UpdateInvoiceSettingsInput, input);
  requireScope(ctx.actor.scopes, "settings:write");
  return withTransaction(ctx, async (tx) => {
    await getInvoiceSettings(tx, ctx.actor.workspaceId);
    const [row] = await tx
      .update(invoiceSettings)
      .set({
        ...(parsed.number_prefix !== undefined ? { numberPrefix: parsed.number_prefix } : {}),
        ...(parsed.tax_mode ? { taxMode: parsed.tax_mode } : {}),
        ...(parsed.default_deposit_percent !== undefined
          ? { defaultDepositPercent: parsed.default_deposit_percent }
          : {}),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(invoiceSettings.workspaceId, ctx.actor.workspaceId))
      .returning();
    return row;
  });
}

import type { Ctx } from "../../context.ts";
import { products } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { CreateProductInput } from "./schemas.ts";

export async function createProduct(ctx: Ctx, input: CreateProductInput) {
  const parsed = parseInput(CreateProductInput, input);
  requireScope(ctx.actor.scopes, "products:write");
  const [row] = await ctx.db
    .insert(products)
    .values({
      id: newId("product", ctx.clock.now()),
      workspaceId: ctx.actor.workspaceId,
      name: parsed.name,
      sku: parsed.sku ?? null,
      unitAmount: parsed.unit_amount,
      currency: parsed.currency,
      unit: parsed.unit ?? "unit",
      defaultDepositPercent: parsed.deposit_percent ?? null,
      billing: parsed.billing ?? "one_off",
      taxRate: parsed.tax_rate ?? "0",
      isActive: parsed.is_active ?? true,
      description: parsed.description ?? null,
      recurringInterval: parsed.recurring_interval ?? null,
      xeroAccountCode: parsed.xero_account_code ?? null,
    })
    .returning();
  if (!row) {
    throw new AppError("internal", "The product was not stored.");
  }
  return row;
}

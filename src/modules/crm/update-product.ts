import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { products } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getProductOrThrow } from "./internal.ts";
import { UpdateProductCommand } from "./schemas.ts";

/** Existing opportunity lines keep the price they were added with. */
export async function updateProduct(ctx: Ctx, input: UpdateProductCommand) {
  const { id, ...parsed } = parseInput(UpdateProductCommand, input);
  requireScope(ctx.actor.scopes, "products:write");
  return withTransaction(ctx, async (tx) => {
    const product = await getProductOrThrow(tx, ctx.actor.workspaceId, id);
    const [row] = await tx
      .update(products)
      .set({
        name: parsed.name,
        sku: parsed.sku,
        unitAmount: parsed.unit_amount,
        currency: parsed.currency,
        unit: parsed.unit,
        defaultDepositPercent: parsed.deposit_percent,
        billing: parsed.billing,
        taxRate: parsed.tax_rate,
        isActive: parsed.is_active,
        description: parsed.description,
        recurringInterval: parsed.recurring_interval,
        xeroAccountCode: parsed.xero_account_code,
        // Reactivating a product brings it back from the archive.
        ...(parsed.is_active ? { archivedAt: null } : {}),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(products.id, product.id))
      .returning();
    return row ?? product;
  });
}

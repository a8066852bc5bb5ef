import { and, eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { productLines, products } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { RecordRef } from "./fields.ts";
import { getProductOrThrow } from "./internal.ts";

/**
 * A product on any opportunity line is archived instead (inactive, archived_at set) because lines name it;
 * one never used is deleted. Either way it leaves the catalogue.
 */
export async function deleteProduct(ctx: Ctx, input: RecordRef): Promise<{ archived: boolean }> {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "products:write");
  return withTransaction(ctx, async (tx) => {
    const product = await getProductOrThrow(tx, ctx.actor.workspaceId, id);
    const [used] = await tx
      .select({ id: productLines.id })
      .from(productLines)
      .where(and(eq(productLines.workspaceId, ctx.actor.workspaceId), eq(productLines.productId, product.id)))
      .limit(1);
    if (used) {
      const now = ctx.clock.now();
      await tx
        .update(products)
        .set({ isActive: false, archivedAt: product.archivedAt ?? now, updatedAt: now })
        .where(eq(products.id, product.id));
      return { archived: true };
    }
    await tx.delete(products).where(eq(products.id, product.id));
    return { archived: false };
  });
}

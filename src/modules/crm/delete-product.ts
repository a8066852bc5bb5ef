import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { products } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { RecordRef } from "./fields.ts";
import { getProductOrThrow, isForeignKeyViolation } from "./internal.ts";

/** A product on any opportunity line is kept (lines name it); deactivate it instead. */
export async function deleteProduct(ctx: Ctx, input: RecordRef): Promise<void> {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "products:write");
  try {
    await withTransaction(ctx, async (tx) => {
      const product = await getProductOrThrow(tx, ctx.actor.workspaceId, id);
      await tx.delete(products).where(eq(products.id, product.id));
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw new AppError("conflict", "This product is on opportunity lines.", {
        fix: 'Set "is_active": false to hide it from the catalogue instead.',
      });
    }
    throw error;
  }
}

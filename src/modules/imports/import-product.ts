import type { Ctx } from "../../context.ts";
import { products } from "../../db/schema/index.ts";
import { type CreateProductInput, createProduct, getProductOrThrow, updateProduct } from "../crm/index.ts";
import { booleanOrText, defined, integerOrText, minorAmount } from "./coerce.ts";
import { existingByKey, type RowResult } from "./existing.ts";

export async function importProduct(
  ctx: Ctx,
  values: Record<string, string>,
  keyField: string | null,
): Promise<RowResult> {
  const columns = { id: products.id, name: products.name, sku: products.sku };
  const id = await existingByKey(ctx, products, columns, values, keyField);
  const currency =
    values.currency ?? (id ? (await getProductOrThrow(ctx.db, ctx.actor.workspaceId, id)).currency : undefined);
  const input = defined({
    name: values.name,
    sku: values.sku,
    description: values.description,
    unit_amount: minorAmount(values, currency),
    currency: values.currency,
    unit: values.unit,
    billing: values.billing,
    recurring_interval: values.recurring_interval,
    deposit_percent: values.deposit_percent,
    tax_rate: values.tax_rate,
    xero_account_code: values.xero_account_code,
    is_active: booleanOrText(values.is_active),
  });
  if (values.unit_amount !== undefined) input.unit_amount = integerOrText(values.unit_amount);
  if (id) {
    await updateProduct(ctx, { ...(input as object), id });
    return "updated";
  }
  await createProduct(ctx, input as CreateProductInput);
  return "created";
}

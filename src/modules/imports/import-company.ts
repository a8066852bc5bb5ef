import type { Ctx } from "../../context.ts";
import { companies } from "../../db/schema/index.ts";
import { type CreateCompanyInput, createCompany, updateCompany } from "../crm/index.ts";
import { defined } from "./coerce.ts";
import { existingByKey, type RowResult } from "./existing.ts";

export async function importCompany(
  ctx: Ctx,
  values: Record<string, string>,
  keyField: string | null,
): Promise<RowResult> {
  const input = defined({ name: values.name, email: values.email, phone: values.phone, website: values.website });
  const columns = { id: companies.id, name: companies.name, email: companies.email, website: companies.website };
  const id = await existingByKey(ctx, companies, columns, values, keyField);
  if (id) {
    await updateCompany(ctx, { ...input, id });
    return "updated";
  }
  await createCompany(ctx, input as CreateCompanyInput);
  return "created";
}

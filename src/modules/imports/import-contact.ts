import type { Ctx } from "../../context.ts";
import { contacts } from "../../db/schema/index.ts";
import { type CreateContactInput, createContact, updateContact } from "../crm/index.ts";
import { booleanOrText, defined } from "./coerce.ts";
import { existingByKey, type RowResult } from "./existing.ts";
import { companyRef } from "./lookup.ts";

export async function importContact(
  ctx: Ctx,
  values: Record<string, string>,
  keyField: string | null,
): Promise<RowResult> {
  const input = defined({
    name: values.name,
    email: values.email,
    phone: values.phone,
    company_id: await companyRef(ctx.db, ctx.actor.workspaceId, values),
    is_primary: booleanOrText(values.is_primary),
  });
  const columns = { id: contacts.id, name: contacts.name, email: contacts.email };
  const id = await existingByKey(ctx, contacts, columns, values, keyField);
  if (id) {
    await updateContact(ctx, { ...(input as object), id });
    return "updated";
  }
  await createContact(ctx, input as CreateContactInput);
  return "created";
}

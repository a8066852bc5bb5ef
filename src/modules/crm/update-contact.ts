import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { contacts } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getCompanyOrThrow, getContactOrThrow, withReference } from "./internal.ts";
import { releasePrimary } from "./primary-contact.ts";
import { UpdateContactCommand } from "./schemas.ts";

export async function updateContact(ctx: Ctx, input: UpdateContactCommand) {
  const { id, company_id: companyId, is_primary: isPrimary, ...fields } = parseInput(UpdateContactCommand, input);
  requireScope(ctx.actor.scopes, "contacts:write");
  return withTransaction(ctx, async (tx) => {
    const contact = await getContactOrThrow(tx, ctx.actor.workspaceId, id);
    if (companyId) {
      await withReference("company_id", () => getCompanyOrThrow(tx, ctx.actor.workspaceId, companyId));
    }
    const nextCompany = companyId === undefined ? contact.companyId : companyId;
    if (isPrimary) {
      await releasePrimary(tx, ctx.actor.workspaceId, nextCompany, contact.id);
    }
    const [row] = await tx
      .update(contacts)
      .set({
        ...fields,
        ...(companyId !== undefined ? { companyId } : {}),
        // A contact moving to another company (or none) stops being the old one's primary.
        ...(isPrimary !== undefined ? { isPrimary } : nextCompany !== contact.companyId ? { isPrimary: false } : {}),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(contacts.id, contact.id))
      .returning();
    return row ?? contact;
  });
}

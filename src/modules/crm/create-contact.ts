import { type Ctx, withTransaction } from "../../context.ts";
import { contacts } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getCompanyOrThrow, withReference } from "./internal.ts";
import { releasePrimary } from "./primary-contact.ts";
import { CreateContactInput } from "./schemas.ts";

export async function createContact(ctx: Ctx, input: CreateContactInput) {
  const parsed = parseInput(CreateContactInput, input);
  requireScope(ctx.actor.scopes, "contacts:write");
  return withTransaction(ctx, async (tx) => {
    const companyId = parsed.company_id;
    if (companyId) {
      await withReference("company_id", () => getCompanyOrThrow(tx, ctx.actor.workspaceId, companyId));
    }
    const id = newId("contact", ctx.clock.now());
    if (parsed.is_primary) {
      await releasePrimary(tx, ctx.actor.workspaceId, companyId ?? null, id);
    }
    const [row] = await tx
      .insert(contacts)
      .values({
        id,
        isPrimary: parsed.is_primary ?? false,
        workspaceId: ctx.actor.workspaceId,
        companyId: companyId ?? null,
        name: parsed.name,
        email: parsed.email ?? null,
        phone: parsed.phone ?? null,
      })
      .returning();
    if (!row) {
      throw new AppError("internal", "The contact was not stored.");
    }
    return row;
  });
}

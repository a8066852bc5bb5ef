import { eq } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { contacts } from "../../db/schema/index.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { RecordRef } from "./fields.ts";
import { getContactOrThrow } from "./internal.ts";

/** Opportunities that named this contact as primary keep going without one. */
export async function deleteContact(ctx: Ctx, input: RecordRef): Promise<void> {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "contacts:write");
  await withTransaction(ctx, async (tx) => {
    const contact = await getContactOrThrow(tx, ctx.actor.workspaceId, id);
    await tx.delete(contacts).where(eq(contacts.id, contact.id));
  });
}

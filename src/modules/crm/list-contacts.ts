import { and, desc, eq, lt } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../../context.ts";
import { contacts } from "../../db/schema/index.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { Id } from "./fields.ts";
import { nameContains } from "./internal.ts";
import { ListQuery } from "./schemas.ts";

export const ListContactsQuery = ListQuery.extend({ company_id: Id.optional() });
export type ListContactsQuery = z.input<typeof ListContactsQuery>;

/** Newest first; `q` matches the name, `company_id` narrows to one company. */
export async function listContacts(ctx: Ctx, query: ListContactsQuery) {
  const parsed = parseInput(ListContactsQuery, query);
  requireScope(ctx.actor.scopes, "contacts:read");
  const after = decodeCursor(parsed.cursor);
  const rows = await ctx.db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, ctx.actor.workspaceId),
        after ? lt(contacts.id, after) : undefined,
        nameContains(contacts.name, parsed.q),
        parsed.company_id ? eq(contacts.companyId, parsed.company_id) : undefined,
      ),
    )
    .orderBy(desc(contacts.id))
    .limit(parsed.limit + 1);
  return toPage(rows, parsed.limit);
}

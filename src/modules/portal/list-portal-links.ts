import { and, desc, eq, lt } from "drizzle-orm";
import type { Ctx } from "../../context.ts";
import { portalLinks } from "../../db/schema/index.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { getContactOrThrow } from "../crm/index.ts";
import { portalLinkState } from "./portal-link-state.ts";
import { ListPortalLinksInput } from "./schemas.ts";

/** A contact's portal links, newest first, active and past; the token is never kept, so never shown. */
export async function listPortalLinks(ctx: Ctx, input: ListPortalLinksInput) {
  const parsed = parseInput(ListPortalLinksInput, input);
  requireScope(ctx.actor.scopes, "invoices:read");
  await getContactOrThrow(ctx.db, ctx.actor.workspaceId, parsed.contact_id);
  const after = decodeCursor(parsed.cursor);
  const rows = await ctx.db
    .select()
    .from(portalLinks)
    .where(
      and(
        eq(portalLinks.workspaceId, ctx.actor.workspaceId),
        eq(portalLinks.contactId, parsed.contact_id),
        after ? lt(portalLinks.id, after) : undefined,
      ),
    )
    .orderBy(desc(portalLinks.id))
    .limit(parsed.limit + 1);
  const now = ctx.clock.now();
  const page = toPage(rows, parsed.limit);
  return { ...page, data: page.data.map((row) => ({ ...row, state: portalLinkState(row, now) })) };
}

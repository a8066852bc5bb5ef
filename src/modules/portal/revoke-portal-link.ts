import { and, eq, isNull } from "drizzle-orm";
import { type Ctx, withTransaction } from "../../context.ts";
import { portalLinks } from "../../db/schema/index.ts";
import { notFound } from "../../lib/errors.ts";
import { RecordRef } from "../../lib/record-id.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { recordAudit } from "../audit/index.ts";

/**
 * Ends a portal link and, with it, every portal session opened from it: sessions are checked against the link
 * on each request. Revoking twice is a no-op.
 */
export async function revokePortalLink(ctx: Ctx, input: RecordRef) {
  const { id } = parseInput(RecordRef, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  await withTransaction(ctx, async (tx) => {
    const [link] = await tx
      .select({ id: portalLinks.id })
      .from(portalLinks)
      .where(and(eq(portalLinks.workspaceId, ctx.actor.workspaceId), eq(portalLinks.id, id)));
    if (!link) {
      throw notFound("portal link", id);
    }
    const revoked = await tx
      .update(portalLinks)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(portalLinks.id, id), isNull(portalLinks.revokedAt)))
      .returning({ id: portalLinks.id, contactId: portalLinks.contactId });
    for (const row of revoked) {
      await recordAudit(tx, ctx, {
        action: "portal_link.revoked",
        targetType: "portal_link",
        targetId: row.id,
        details: { contact_id: row.contactId },
      });
    }
  });
}

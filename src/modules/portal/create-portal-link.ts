import { actorLabel, type Ctx, withTransaction } from "../../context.ts";
import { portalLinks } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { recordAudit } from "../audit/index.ts";
import { getContactOrThrow } from "../crm/index.ts";
import { newPortalToken } from "./portal-token.ts";
import { CreatePortalLinkForInput, DEFAULT_PORTAL_LINK_DAYS } from "./schemas.ts";

export type PortalLinkView = { id: string; url: string; expiresAt: Date };

const DAY_MS = 24 * 60 * 60 * 1000;
/** Where the embedded server listens when a caller (a test, the CLI) set no PUBLIC_URL. */
const LOCAL_URL = "http://localhost:3000";

/**
 * A client portal link for a contact (their company's invoices), valid `expiresInDays` (default 30). Runs in
 * the caller's transaction when ctx.db is one (sending an invoice makes one for each recipient).
 *
 * The link is bound to the company the contact belongs to now: moving the contact later ends it rather than
 * opening another company's invoices. The token is returned once, here; only its hash is kept.
 */
export async function createPortalLinkFor(
  ctx: Ctx,
  input: { contactId: string; expiresInDays?: number },
): Promise<PortalLinkView> {
  const parsed = parseInput(CreatePortalLinkForInput, input);
  requireScope(ctx.actor.scopes, "invoices:write");
  return withTransaction(ctx, async (tx) => {
    const contact = await getContactOrThrow(tx, ctx.actor.workspaceId, parsed.contactId);
    if (!contact.companyId) {
      throw new AppError("conflict", `Contact ${contact.id} belongs to no company, so a portal has nothing to show.`, {
        fix: `Link the contact to a company first (PATCH /api/v1/contacts/${contact.id} with company_id), then create the link.`,
      });
    }
    const now = ctx.clock.now();
    const expiresAt = new Date(now.getTime() + (parsed.expiresInDays ?? DEFAULT_PORTAL_LINK_DAYS) * DAY_MS);
    const { token, tokenHash } = newPortalToken();
    const id = newId("portalLink", now);
    await tx.insert(portalLinks).values({
      id,
      workspaceId: ctx.actor.workspaceId,
      contactId: contact.id,
      companyId: contact.companyId,
      tokenHash,
      expiresAt,
      createdBy: actorLabel(ctx.actor),
      createdAt: now,
    });
    await recordAudit(tx, ctx, {
      action: "portal_link.created",
      targetType: "portal_link",
      targetId: id,
      details: { contact_id: contact.id, company_id: contact.companyId, expires_at: expiresAt.toISOString() },
    });
    const base = (ctx.mail?.publicUrl ?? LOCAL_URL).replace(/\/+$/, "");
    return { id, url: `${base}/portal/${token}`, expiresAt };
  });
}

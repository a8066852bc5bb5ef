import type { Ctx } from "../../context.ts";

export type PortalLinkView = { id: string; url: string; expiresAt: Date };

/**
 * A client portal link for a contact (their company's invoices), valid `expiresInDays` (default 30). Runs in
 * the caller's transaction when ctx.db is one (sending an invoice makes one for each recipient).
 */
export async function createPortalLinkFor(
  _ctx: Ctx,
  _input: { contactId: string; expiresInDays?: number },
): Promise<PortalLinkView> {
  throw new Error("Client portal links are not available yet.");
}

import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { contacts, portalLinks } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { parseInput } from "../../lib/validation.ts";
import { portalLinkState } from "./portal-link-state.ts";
import { hashPortalToken } from "./portal-token.ts";
import { PortalToken, PortalTokenInput } from "./schemas.ts";

/** The portal runs without a member or key: its only credential is the link's token. */
export type PortalCtx = { db: DbOrTx; clock: Clock };

/** What a valid token opens: one company's invoices in one workspace, until `expiresAt`. */
export type PortalAccess = {
  linkId: string;
  workspaceId: string;
  companyId: string;
  contactId: string;
  expiresAt: Date;
};

/** `unknown`: no such token; `ended`: expired, revoked, or its contact no longer at that company. */
export type PortalOpening = { ok: true; access: PortalAccess } | { ok: false; reason: "unknown" | "ended" };

/**
 * Checks a portal token (from the link's address or the portal's session cookie) against its link on every
 * call, so revoking or expiring a link ends its sessions at once.
 */
export async function openPortalLink(ctx: PortalCtx, input: PortalTokenInput): Promise<PortalOpening> {
  const { token } = parseInput(PortalTokenInput, input);
  if (!PortalToken.safeParse(token).success) {
    return { ok: false, reason: "unknown" };
  }
  const [row] = await ctx.db
    .select({ link: portalLinks, contactCompanyId: contacts.companyId })
    .from(portalLinks)
    .innerJoin(contacts, and(eq(contacts.id, portalLinks.contactId), eq(contacts.workspaceId, portalLinks.workspaceId)))
    .where(eq(portalLinks.tokenHash, hashPortalToken(token)));
  if (!row) {
    return { ok: false, reason: "unknown" };
  }
  const { link } = row;
  if (portalLinkState(link, ctx.clock.now()) !== "active" || row.contactCompanyId !== link.companyId) {
    return { ok: false, reason: "ended" };
  }
  return {
    ok: true,
    access: {
      linkId: link.id,
      workspaceId: link.workspaceId,
      companyId: link.companyId,
      contactId: link.contactId,
      expiresAt: link.expiresAt,
    },
  };
}

/** Records that the link was used to start a session (shown to staff beside the link). */
export async function markPortalLinkUsed(ctx: PortalCtx, access: PortalAccess): Promise<void> {
  await ctx.db
    .update(portalLinks)
    .set({ lastUsedAt: ctx.clock.now() })
    .where(and(eq(portalLinks.workspaceId, access.workspaceId), eq(portalLinks.id, access.linkId)));
}

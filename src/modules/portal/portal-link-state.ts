export const PORTAL_LINK_STATES = ["active", "expired", "revoked"] as const;
export type PortalLinkState = (typeof PORTAL_LINK_STATES)[number];

export function portalLinkState(link: { expiresAt: Date; revokedAt: Date | null }, now: Date): PortalLinkState {
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

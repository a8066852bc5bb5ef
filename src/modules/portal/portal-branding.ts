import { loadBranding } from "../branding/index.ts";
import type { PortalAccess, PortalCtx } from "./open-portal-link.ts";

export type PortalBranding = {
  name: string;
  accentColor: string;
  logo: { content: Buffer; mimeType: string } | null;
};

const DEFAULT_ACCENT = "#2f6fed";
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
const LOGO_TYPES = new Set(["image/png", "image/jpeg"]);

/**
 * The workspace's name, accent colour and logo (Settings → Branding) for the portal's header. The colour is
 * checked again here because it lands in a style attribute; a logo of any other type is not served.
 */
export async function portalBranding(ctx: PortalCtx, access: PortalAccess): Promise<PortalBranding> {
  const branding = await loadBranding(ctx.db, access.workspaceId);
  return {
    name: branding.name,
    accentColor: HEX_COLOUR.test(branding.accentColor) ? branding.accentColor : DEFAULT_ACCENT,
    logo: branding.logo && LOGO_TYPES.has(branding.logo.mimeType) ? branding.logo : null,
  };
}

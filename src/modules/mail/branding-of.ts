import type { DbOrTx } from "../../db/client.ts";
import { loadBranding } from "../branding/index.ts";

export type MailBranding = {
  name: string;
  accentColor: string;
  replyTo: string | null;
  hasLogo: boolean;
};

/** The name, accent colour, reply-to and whether a logo exists: what a rendered message needs, no logo bytes. */
export async function mailBrandingOf(db: DbOrTx, workspaceId: string): Promise<MailBranding> {
  const branding = await loadBranding(db, workspaceId);
  return {
    name: branding.name,
    accentColor: branding.accentColor,
    replyTo: branding.replyTo,
    hasLogo: branding.logo !== null,
  };
}

/** The logo bytes, read at delivery to go inline as a cid: attachment. */
export async function mailLogoOf(db: DbOrTx, workspaceId: string) {
  return (await loadBranding(db, workspaceId)).logo;
}

import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { workspaces } from "../../db/schema/access.ts";
import { workspaceBranding } from "../../db/schema/mail.ts";
import type { LogoMimeType } from "./logo-image.ts";

export const DEFAULT_ACCENT_COLOR = "#2f6fed";

/** What the workspace's invoices, invoice emails and client portal carry, with the defaults filled in. */
export type Branding = {
  workspaceId: string;
  /** The name to print: the display name when set, else the workspace's name. */
  name: string;
  /** The display name as saved (null: the workspace's name is used). */
  displayName: string | null;
  address: string | null;
  taxNumber: string | null;
  paymentTerms: string | null;
  /** #rrggbb */
  accentColor: string;
  replyTo: string | null;
  logo: { content: Buffer; mimeType: LogoMimeType } | null;
  /** null while nothing was ever saved. */
  updatedAt: Date | null;
};

/**
 * The workspace's branding for any renderer (PDF, email HTML, portal). No scope check: the caller already
 * decided the reader may see the document it goes on. A workspace that never saved any gets the defaults.
 */
export async function loadBranding(db: DbOrTx, workspaceId: string): Promise<Branding> {
  const [row] = await db
    .select({ branding: workspaceBranding, workspaceName: workspaces.name })
    .from(workspaces)
    .leftJoin(workspaceBranding, eq(workspaceBranding.workspaceId, workspaces.id))
    .where(eq(workspaces.id, workspaceId));
  const saved = row?.branding ?? null;
  const displayName = saved?.displayName ?? null;
  return {
    workspaceId,
    name: displayName ?? row?.workspaceName ?? "",
    displayName,
    address: saved?.address ?? null,
    taxNumber: saved?.taxNumber ?? null,
    paymentTerms: saved?.paymentTerms ?? null,
    accentColor: saved?.accentColor ?? DEFAULT_ACCENT_COLOR,
    replyTo: saved?.replyTo ?? null,
    logo:
      saved?.logo && saved.logoMimeType ? { content: saved.logo, mimeType: saved.logoMimeType as LogoMimeType } : null,
    updatedAt: saved?.updatedAt ?? null,
  };
}

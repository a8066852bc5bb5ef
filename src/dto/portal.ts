import { z } from "@hono/zod-openapi";
import { MAX_PORTAL_LINK_DAYS, PORTAL_LINK_STATES, type PortalLinkState } from "../modules/portal/index.ts";

export const CreatePortalLinkBody = z
  .strictObject({
    expires_in_days: z
      .number()
      .int()
      .min(1)
      .max(MAX_PORTAL_LINK_DAYS)
      .optional()
      .openapi({ description: `1–${MAX_PORTAL_LINK_DAYS} days; default 30` }),
  })
  .openapi("CreatePortalLink");

/** The only time the link's address (and its token) is shown: Settle keeps just the token's hash. */
export const CreatedPortalLinkSchema = z
  .object({
    id: z.string(),
    url: z.string().openapi({ description: "`<PUBLIC_URL>/portal/<token>`; shown once" }),
    expires_at: z.string(),
  })
  .openapi("CreatedPortalLink");

export const PortalLinkSchema = z
  .object({
    id: z.string(),
    contact_id: z.string(),
    company_id: z.string(),
    state: z.enum(PORTAL_LINK_STATES),
    expires_at: z.string(),
    revoked_at: z.string().nullable(),
    last_used_at: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi("PortalLink");

export function toCreatedPortalLinkDto(view: {
  id: string;
  url: string;
  expiresAt: Date;
}): z.infer<typeof CreatedPortalLinkSchema> {
  return { id: view.id, url: view.url, expires_at: view.expiresAt.toISOString() };
}

type PortalLinkRow = {
  id: string;
  contactId: string;
  companyId: string;
  state: PortalLinkState;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
};

export function toPortalLinkDto(row: PortalLinkRow): z.infer<typeof PortalLinkSchema> {
  return {
    id: row.id,
    contact_id: row.contactId,
    company_id: row.companyId,
    state: row.state,
    expires_at: row.expiresAt.toISOString(),
    revoked_at: row.revokedAt?.toISOString() ?? null,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

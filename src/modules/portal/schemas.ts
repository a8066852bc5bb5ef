import { z } from "zod";
import { RecordId } from "../../lib/record-id.ts";

export const DEFAULT_PORTAL_LINK_DAYS = 30;
export const MAX_PORTAL_LINK_DAYS = 365;

const ExpiresInDays = z.number().int().min(1).max(MAX_PORTAL_LINK_DAYS);

/** The seam other verbs call (sending an invoice makes a link for its recipient). */
export const CreatePortalLinkForInput = z.strictObject({
  contactId: RecordId,
  expiresInDays: ExpiresInDays.optional(),
});
export type CreatePortalLinkForInput = z.input<typeof CreatePortalLinkForInput>;

export const ListPortalLinksInput = z.strictObject({
  contact_id: RecordId,
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListPortalLinksInput = z.input<typeof ListPortalLinksInput>;

/**
 * A portal token as a client's browser sends it (address or cookie): 32 random bytes in base64url. Anything
 * else is refused before it is hashed or looked up.
 */
export const PortalToken = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]{43}$/);

export const PortalTokenInput = z.strictObject({ token: z.string().max(200) });
export type PortalTokenInput = z.input<typeof PortalTokenInput>;

export const PortalInvoiceInput = z.strictObject({ token: z.string().max(200), invoice_id: RecordId });
export type PortalInvoiceInput = z.input<typeof PortalInvoiceInput>;

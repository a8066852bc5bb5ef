export { createPortalLinkFor, type PortalLinkView } from "./create-portal-link.ts";
export {
  listPortalInvoices,
  PORTAL_INVOICE_STATES,
  type PortalInvoice,
  type PortalInvoiceState,
  portalInvoicesOf,
} from "./list-portal-invoices.ts";
export { listPortalLinks } from "./list-portal-links.ts";
export { markPortalLinkUsed, openPortalLink, type PortalAccess, type PortalCtx } from "./open-portal-link.ts";
export { type PortalBranding, portalBranding } from "./portal-branding.ts";
export { portalInvoicePdf } from "./portal-invoice-pdf.ts";
export { PORTAL_LINK_STATES, type PortalLinkState, portalLinkState } from "./portal-link-state.ts";
export { revokePortalLink } from "./revoke-portal-link.ts";
export * from "./schemas.ts";

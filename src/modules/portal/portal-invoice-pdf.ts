import { parseInput } from "../../lib/validation.ts";
import { renderInvoicePdf } from "../documents/invoice-pdf.ts";
import { portalInvoicesOf } from "./list-portal-invoices.ts";
import { openPortalLink, type PortalCtx } from "./open-portal-link.ts";
import { PortalInvoiceInput } from "./schemas.ts";

/**
 * An invoice's PDF for a portal session: only an invoice the portal lists (the link's company, not a draft),
 * so any other id, in this workspace or another, is simply not found.
 */
export async function portalInvoicePdf(
  ctx: PortalCtx,
  input: PortalInvoiceInput,
): Promise<{ ok: true; filename: string; content: Buffer } | { ok: false; reason: "unknown" | "ended" | "not_found" }> {
  const parsed = parseInput(PortalInvoiceInput, input);
  const opening = await openPortalLink(ctx, { token: parsed.token });
  if (!opening.ok) return opening;
  const shown = await portalInvoicesOf(ctx, opening.access);
  if (!shown.some((invoice) => invoice.id === parsed.invoice_id)) {
    return { ok: false, reason: "not_found" };
  }
  const pdf = await renderInvoicePdf(ctx.db, opening.access.workspaceId, parsed.invoice_id);
  return { ok: true, ...pdf };
}

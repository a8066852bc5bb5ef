import type { DbOrTx } from "../../db/client.ts";

/**
 * The invoice as a PDF, with the workspace's branding, for the download route, mail attachments and the
 * client portal. No scope check: callers check theirs (invoices:read, a portal session, a queued mail).
 */
export async function renderInvoicePdf(
  _db: DbOrTx,
  _workspaceId: string,
  _invoiceId: string,
): Promise<{ filename: string; content: Buffer }> {
  throw new Error("Invoice PDFs are not available yet.");
}

import type { DbOrTx } from "../../db/client.ts";
import { type InvoiceDocument, loadInvoiceDocument } from "./invoice-document.ts";
import { drawLinesTable } from "./invoice-lines-table.ts";
import {
  drawBrandingHeader,
  drawEarlierDeposits,
  drawFooters,
  drawParties,
  drawPayNow,
  drawTermsAndNotes,
  drawTitle,
  drawTotals,
} from "./invoice-sections.ts";
import { createPdf, finishPdf } from "./pdf-kit.ts";

/** A file name for the invoice number; prefixes may hold "/", which no download may carry. */
export function invoicePdfFilename(number: string): string {
  return `${number.replace(/[^A-Za-z0-9._-]+/g, "-") || "invoice"}.pdf`;
}

/** Draws an invoice already read from the database (the bench and renderInvoicePdf share it). */
export async function drawInvoicePdf(document: InvoiceDocument): Promise<Buffer> {
  const { invoice, branding } = document;
  // The invoice's last change dates the file: re-rendering an unchanged invoice gives identical bytes.
  const doc = createPdf({ title: `Invoice ${invoice.number}`, author: branding.name, createdAt: invoice.updatedAt });
  let y = drawBrandingHeader(doc, document);
  y = drawTitle(doc, document, y);
  y = drawParties(doc, document, y);
  y = drawLinesTable(doc, document, y);
  y = drawTotals(doc, document, y);
  y = drawEarlierDeposits(doc, document, y);
  y = drawPayNow(doc, document, y);
  drawTermsAndNotes(doc, document, y);
  drawFooters(doc, document);
  return finishPdf(doc);
}

/**
 * The invoice as a PDF, with the workspace's branding, for the download route, mail attachments and the
 * client portal. No scope check: callers check theirs (invoices:read, a portal session, a queued mail).
 */
export async function renderInvoicePdf(
  db: DbOrTx,
  workspaceId: string,
  invoiceId: string,
): Promise<{ filename: string; content: Buffer }> {
  const document = await loadInvoiceDocument(db, workspaceId, invoiceId);
  return { filename: invoicePdfFilename(document.invoice.number), content: await drawInvoicePdf(document) };
}

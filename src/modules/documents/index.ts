export { downloadInvoicePdf } from "./download-invoice-pdf.ts";
export { type InvoiceDocument, loadInvoiceDocument } from "./invoice-document.ts";
export { drawInvoicePdf, invoicePdfFilename, renderInvoicePdf } from "./invoice-pdf.ts";

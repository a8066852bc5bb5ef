export { approveInvoice } from "./approve-invoice.ts";
export { createInvoice } from "./create-invoice.ts";
export { createXeroInvoice, XERO_RECONCILE_JOB } from "./create-xero-invoice.ts";
export { createXeroRepeatingInvoice, type XeroRepeatingInvoiceRow } from "./create-xero-repeating-invoice.ts";
export { deleteXeroRepeatingInvoice } from "./delete-xero-repeating-invoice.ts";
export type { Preview } from "./engine/index.ts";
export { getInvoice, type InvoiceLineView, type InvoiceView } from "./get-invoice.ts";
export { getInvoiceSummary } from "./get-invoice-summary.ts";
export type { InvoiceLineRow, InvoiceRow, InvoiceWithLines } from "./internal.ts";
export { INVOICE_EVENT_JOB, INVOICE_EVENTS, type InvoiceEvent } from "./invoice-events.ts";
export { readInvoiceSettings, updateInvoiceSettings } from "./invoice-settings.ts";
export { listOpportunityInvoices } from "./list-invoices.ts";
export { listXeroRepeatingInvoices } from "./list-xero-repeating-invoices.ts";
export { addPayerCompany, listPayerCompanies, type PayerCompany, removePayerCompany } from "./payer-companies.ts";
export { previewInvoice } from "./preview-invoice.ts";
export { processXeroWebhook, processXeroWebhooks } from "./process-xero-webhook.ts";
export { recomputeOpportunityTotals } from "./recompute-opportunity-totals.ts";
export { type ReconcileOutcome, reconcileXeroInvoice } from "./reconcile-xero-invoice.ts";
export { recordPayment } from "./record-payment.ts";
export { requestXeroSync, XERO_SYNC_JOB } from "./request-xero-sync.ts";
export {
  getXeroSyncProgress,
  requestXeroWorkspaceSync,
  type XeroSyncProgress,
} from "./request-xero-workspace-sync.ts";
export * from "./schemas.ts";
export { SendInvoiceInput, sendInvoice } from "./send-invoice.ts";
export { syncXeroInvoiceIds } from "./sync-xero-invoice-ids.ts";
export { syncOpportunityXeroInvoices } from "./sync-xero-invoices.ts";
export { syncXeroWorkspace, type WorkspaceSyncResult } from "./sync-xero-workspace.ts";
export { updateInvoice } from "./update-invoice.ts";
export { voidInvoice } from "./void-invoice.ts";
export { CreateXeroInvoiceCommand, CreateXeroInvoiceInput } from "./xero-invoice-input.ts";
export { listXeroRaisedInvoices, pinXeroRaisedInvoice, type XeroRaisedInvoiceView } from "./xero-raised-invoices.ts";
export { CreateXeroRepeatingInvoiceInput, describeSchedule } from "./xero-repeating-input.ts";

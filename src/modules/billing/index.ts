// The billing kernel: the few shared rules and enums that the schema, opportunities and invoices all need,
// with no dependencies of its own, so none of them has to import another's internals.
export {
  INVOICE_EVENTS,
  INVOICE_PROVIDERS,
  INVOICE_STATUSES,
  type InvoiceEvent,
  type InvoiceProvider,
  type InvoiceStatus,
  PORTIONS,
  type Portion,
  TAX_MODES,
  type TaxMode,
} from "./invoice-enums.ts";
export {
  allowedInvoiceActions,
  INVOICE_ACTIONS,
  type InvoiceAction,
  isInvoiceActionAllowed,
  type LifecycleInvoice,
} from "./invoice-lifecycle.ts";
export { PAYMENT_STATUSES, type PaymentStatus, promotedStatus, statusRank } from "./payment-status.ts";

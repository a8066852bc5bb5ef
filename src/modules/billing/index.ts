// The billing kernel: the few shared rules and enums that the schema, opportunities and invoices all need,
// with no dependencies of its own, so none of them has to import another's internals.
export {
  INVOICE_EVENTS,
  type InvoiceEvent,
  PORTIONS,
  type Portion,
  TAX_MODES,
  type TaxMode,
} from "./invoice-enums.ts";
export { PAYMENT_STATUSES, type PaymentStatus, promotedStatus, statusRank } from "./payment-status.ts";

import type { InvoiceProvider, InvoiceStatus } from "./invoice-enums.ts";

/** What a member, an agent or a job may do to an invoice. */
export const INVOICE_ACTIONS = [
  "edit",
  "approve",
  "send",
  "record_payment",
  "void",
  "delete",
  "sync",
  "create_payment_link",
  "sync_payments",
] as const;
export type InvoiceAction = (typeof INVOICE_ACTIONS)[number];

/**
 * The one invoice lifecycle: statuses × provider → allowed actions. Verbs check it before acting, every
 * invoice carries the result as `allowed_actions`, and the web app shows exactly those buttons. Xero's column
 * follows Xero's own rules (a draft is deleted, not voided; only an approved invoice takes payments or is
 * emailed by Xero); PAID, VOIDED and DELETED are read-only everywhere.
 */
const LIFECYCLE: Record<InvoiceProvider, Record<InvoiceStatus, readonly InvoiceAction[]>> = {
  native: {
    // A draft may get its payment link before it is sent; paying it approves it (its lines move as sending would).
    DRAFT: ["edit", "approve", "void", "delete", "create_payment_link", "sync_payments"],
    SUBMITTED: ["edit", "approve", "record_payment", "void", "delete", "create_payment_link", "sync_payments"],
    AUTHORISED: ["edit", "record_payment", "void", "create_payment_link", "sync_payments"],
    PAID: ["sync_payments"],
    VOIDED: [],
    DELETED: [],
  },
  xero: {
    DRAFT: ["edit", "approve", "delete", "sync"],
    SUBMITTED: ["edit", "approve", "send", "record_payment", "delete", "sync"],
    AUTHORISED: ["edit", "send", "record_payment", "void", "sync"],
    PAID: ["sync"],
    VOIDED: [],
    DELETED: [],
  },
};

export type LifecycleInvoice = {
  provider: InvoiceProvider;
  status: InvoiceStatus;
  amountPaidAmount: number;
  /** Xero's id; null while a Xero invoice is still being created (nothing may act on it until it exists). */
  externalId: string | null;
};

export function allowedInvoiceActions(invoice: LifecycleInvoice): InvoiceAction[] {
  if (invoice.provider === "xero" && invoice.externalId === null) return [];
  const actions = LIFECYCLE[invoice.provider][invoice.status];
  // Money already received cannot be voided away (Xero refuses it too): remove the payment first.
  return invoice.amountPaidAmount > 0 ? actions.filter((a) => a !== "void" && a !== "delete") : [...actions];
}

export function isInvoiceActionAllowed(invoice: LifecycleInvoice, action: InvoiceAction): boolean {
  return allowedInvoiceActions(invoice).includes(action);
}

/** What part of a line an invoice bills. */
export const PORTIONS = ["full", "deposit", "balance", "ongoing"] as const;
export type Portion = (typeof PORTIONS)[number];

/** Whether line prices include tax (Xero's "Inclusive") or tax is added on top ("Exclusive"). */
export const TAX_MODES = ["exclusive", "inclusive"] as const;
export type TaxMode = (typeof TAX_MODES)[number];

/** What happened to an invoice, as reported to the `invoices.changed` job. */
export const INVOICE_EVENTS = ["created", "updated", "sent", "paid", "voided"] as const;
export type InvoiceEvent = (typeof INVOICE_EVENTS)[number];

/** Where an invoice lives: Settle's own numbering, or a Xero organisation. */
export const INVOICE_PROVIDERS = ["native", "xero"] as const;
export type InvoiceProvider = (typeof INVOICE_PROVIDERS)[number];

/** Xero's invoice statuses, which native invoices share. */
export const INVOICE_STATUSES = ["DRAFT", "SUBMITTED", "AUTHORISED", "PAID", "VOIDED", "DELETED"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

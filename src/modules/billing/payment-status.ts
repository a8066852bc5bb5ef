/**
 * The payment-status ladder every line climbs: unpaid < deposit_invoiced < invoiced < paid. The database
 * schema, opportunities (lines, promote, manual corrections) and invoices (the engine) all share it.
 */
export const PAYMENT_STATUSES = ["unpaid", "deposit_invoiced", "invoiced", "paid"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Position on the ladder unpaid (0) < deposit_invoiced (1) < invoiced (2) < paid (3). */
export function statusRank(status: PaymentStatus): number {
  return PAYMENT_STATUSES.indexOf(status);
}

/** Automatic changes only move up the ladder: a deposit invoice never overwrites Paid. */
export function promotedStatus(current: PaymentStatus, proposed: PaymentStatus): PaymentStatus {
  return statusRank(proposed) > statusRank(current) ? proposed : current;
}

import { PAYMENT_STATUSES, type PaymentStatus } from "./types.ts";

/** Position on the ladder unpaid (0) < deposit_invoiced (1) < invoiced (2) < paid (3). */
export function statusRank(status: PaymentStatus): number {
  return PAYMENT_STATUSES.indexOf(status);
}

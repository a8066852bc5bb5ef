import { statusRank } from "./status-rank.ts";
import type { PaymentStatus } from "./types.ts";

/** Automatic changes only move up the ladder: a deposit invoice never overwrites Paid. */
export function promotedStatus(current: PaymentStatus, proposed: PaymentStatus): PaymentStatus {
  return statusRank(proposed) > statusRank(current) ? proposed : current;
}

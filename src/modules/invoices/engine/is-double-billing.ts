import { statusRank } from "../../billing/index.ts";
import { statusProposedByPortion } from "./status-proposed-by-portion.ts";
import type { EngineLine, Portion } from "./types.ts";

/**
 * True when billing this portion would bill money already billed: the line is already at (or past) the
 * status this portion proposes, or a deposit already invoiced on it would be billed again by a portion
 * that ignores deposits (full, ongoing, a second deposit). Balance is exempt: it subtracts deposits.
 */
export function isDoubleBilling(portion: Portion, line: EngineLine): boolean {
  if (statusRank(line.status) >= statusRank(statusProposedByPortion(portion))) return true;
  return portion !== "balance" && line.depositsInvoicedAmount > 0;
}

import { percentOf, subtractMinor } from "../../../lib/money.ts";
import { assertLineFields } from "./assert-line-fields.ts";
import { isDoubleBilling } from "./is-double-billing.ts";
import { lineTotal } from "./line-total.ts";
import type { EngineLine, Portion, PreviewWarning } from "./types.ts";

export type PortionAmount = { amount: number; warning?: PreviewWarning };

/** What one selected line bills for a portion, in the invoice's tax mode; never negative. */
export function portionAmount(portion: Portion, line: EngineLine): PortionAmount {
  const { depositPercent, depositsInvoicedAmount } = line;
  assertLineFields({ depositPercent, depositsInvoicedAmount }, line.id);
  const total = lineTotal(line);
  const result = amountFor(portion, line, total);
  if (isDoubleBilling(portion, line)) return { amount: result.amount, warning: "double_billing" };
  if (result.warning === undefined && result.amount === 0) return { amount: 0, warning: "nothing_left_to_bill" };
  return result;
}

function amountFor(portion: Portion, line: EngineLine, total: number): PortionAmount {
  switch (portion) {
    case "full":
    case "ongoing":
      return { amount: total };
    case "deposit":
      return { amount: percentOf(total, line.depositPercent) };
    case "balance": {
      // The remainder, not total × (100 − deposit%), so deposit + balance = line total to the cent.
      const remaining = subtractMinor(total, line.depositsInvoicedAmount);
      return remaining < 0 ? { amount: 0, warning: "deposits_exceed_total" } : { amount: remaining };
    }
  }
}

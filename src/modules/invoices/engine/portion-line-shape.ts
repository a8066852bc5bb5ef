import { formatDecimal, toDecimal } from "../../../lib/money.ts";
import type { EngineLine, Portion } from "./types.ts";

export type LineShape = { description: string; quantity: string; unitAmount: number };

/**
 * How a billed portion reads on the invoice. Full and ongoing keep the line's own quantity × unit price
 * when that product is exactly the amount (whole quantity, no discount); otherwise, and for deposit and
 * balance, the line is "1 × amount" and the description names the portion, so quantity × unit amount
 * always equals the billed amount and no provider re-rounds it.
 */
export function portionLineShape(portion: Portion, line: EngineLine, amount: number): LineShape {
  if (portion === "deposit") {
    const percent = formatDecimal(toDecimal(line.depositPercent, "depositPercent"));
    return { description: `${line.description} — Deposit ${percent}%`, quantity: "1", unitAmount: amount };
  }
  if (portion === "balance") {
    return { description: `${line.description} — Balance`, quantity: "1", unitAmount: amount };
  }
  const quantity = toDecimal(line.quantity, "quantity");
  const undiscounted = toDecimal(line.discountPercent, "discountPercent").coefficient === 0n;
  if (undiscounted && quantity.scale === 0) {
    return { description: line.description, quantity: formatDecimal(quantity), unitAmount: line.unitAmount };
  }
  return { description: line.description, quantity: "1", unitAmount: amount };
}

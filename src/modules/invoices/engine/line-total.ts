import { lineAmount } from "../../../lib/money.ts";
import { assertLineFields } from "./assert-line-fields.ts";
import type { EngineLine } from "./types.ts";

type PricedLine = Pick<EngineLine, "quantity" | "unitAmount" | "discountPercent"> & { id?: string };

/** round(quantity × unitAmount × (1 − discount/100)), in the invoice's tax mode. */
export function lineTotal(line: PricedLine): number {
  const { quantity, unitAmount, discountPercent } = line;
  assertLineFields({ quantity, unitAmount, discountPercent }, line.id);
  return lineAmount(unitAmount, quantity, discountPercent);
}

import { netFromGross, percentOf, subtractMinor } from "../../../lib/money.ts";
import { assertLineFields } from "./assert-line-fields.ts";
import type { TaxMode } from "./types.ts";

/**
 * Tax of one line, rounded per line as Xero does. Exclusive: the amount is net and tax is added on top.
 * Inclusive: the amount is gross, net = round(gross / (1 + rate/100)) and tax is the remainder.
 */
export function lineTax(amount: number, rate: string, taxMode: TaxMode): { net: number; tax: number } {
  assertLineFields({ taxRate: rate });
  if (taxMode === "exclusive") {
    return { net: amount, tax: percentOf(amount, rate) };
  }
  const net = netFromGross(amount, rate);
  return { net, tax: subtractMinor(amount, net) };
}

import { formatDecimal, lineAmount, toDecimal } from "../../../lib/money.ts";
import { assertLineFields } from "./assert-line-fields.ts";
import { lineTax } from "./line-tax.ts";
import type { FreeLine, PreviewLine, TaxMode } from "./types.ts";

/** A free-form line (name, quantity, unit price) billed as typed, with no portion applied. */
export function freePreviewLine(line: FreeLine, taxMode: TaxMode): PreviewLine {
  const { quantity, unitAmount, taxRate } = line;
  assertLineFields({ quantity, unitAmount, taxRate });
  const { net, tax } = lineTax(lineAmount(unitAmount, quantity), taxRate, taxMode);
  return {
    productLineId: null,
    description: line.description,
    quantity: formatDecimal(toDecimal(quantity, "quantity")),
    unitAmount,
    taxRate: formatDecimal(toDecimal(taxRate, "taxRate")),
    amount: net,
    taxAmount: tax,
  };
}

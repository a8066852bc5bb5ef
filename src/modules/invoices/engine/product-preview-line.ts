import { formatDecimal, toDecimal } from "../../../lib/money.ts";
import { lineTax } from "./line-tax.ts";
import { portionAmount } from "./portion-amount.ts";
import { portionLineShape } from "./portion-line-shape.ts";
import type { EngineLine, Portion, PreviewLine, TaxMode } from "./types.ts";

export function productPreviewLine(portion: Portion, line: EngineLine, taxMode: TaxMode): PreviewLine {
  const { amount, warning } = portionAmount(portion, line);
  const { net, tax } = lineTax(amount, line.taxRate, taxMode);
  return {
    productLineId: line.id,
    ...portionLineShape(portion, line, amount),
    taxRate: formatDecimal(toDecimal(line.taxRate, "taxRate")),
    amount: net,
    taxAmount: tax,
    ...(warning === undefined ? {} : { warning }),
  };
}

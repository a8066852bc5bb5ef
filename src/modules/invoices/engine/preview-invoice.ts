import { addMinor, currencyExponent, sumMinor } from "../../../lib/money.ts";
import { EngineError } from "./engine-error.ts";
import { freePreviewLine } from "./free-preview-line.ts";
import { preselect } from "./preselect.ts";
import { productPreviewLine } from "./product-preview-line.ts";
import type { Preview, PreviewInput } from "./types.ts";

/**
 * Prices an invoice: selected product lines in their given order, then free lines. Totals are exact sums
 * of the lines, so what the modal shows is what the invoice records.
 */
export function previewInvoice(input: PreviewInput): Preview {
  const { portion, currency, taxMode, lines } = input;
  currencyExponent(currency);
  const selected = new Set(input.selectedLineIds ?? preselect(portion, lines));
  const known = new Set(lines.map((line) => line.id));
  for (const id of selected) {
    if (!known.has(id)) throw new EngineError("unknown_line", `No product line ${id} on this opportunity.`, id);
  }
  const previewLines = [
    ...lines.filter((line) => selected.has(line.id)).map((line) => productPreviewLine(portion, line, taxMode)),
    ...(input.freeLines ?? []).map((line) => freePreviewLine(line, taxMode)),
  ];
  const subtotalAmount = sumMinor(previewLines.map((line) => line.amount));
  const taxAmount = sumMinor(previewLines.map((line) => line.taxAmount));
  return {
    portion,
    currency,
    taxMode,
    lines: previewLines,
    subtotalAmount,
    taxAmount,
    totalAmount: addMinor(subtotalAmount, taxAmount),
  };
}

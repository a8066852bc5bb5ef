import { compareDecimal, toDecimal } from "../../../lib/money.ts";
import type { EngineLine, Portion } from "./types.ts";

const ZERO = toDecimal("0");

/** Ids of the lines the "Create invoice" modal ticks for a portion (SPEC §4.1), in the given order. */
export function preselect(portion: Portion, lines: readonly EngineLine[]): string[] {
  return lines.filter((line) => isPreselected(portion, line)).map((line) => line.id);
}

function isPreselected(portion: Portion, line: EngineLine): boolean {
  switch (portion) {
    case "full":
      return line.status === "unpaid";
    case "deposit":
      return line.status === "unpaid" && compareDecimal(toDecimal(line.depositPercent, "depositPercent"), ZERO) > 0;
    case "balance":
      return line.status === "deposit_invoiced";
    case "ongoing":
      return line.status === "unpaid" && line.billing === "recurring";
  }
}

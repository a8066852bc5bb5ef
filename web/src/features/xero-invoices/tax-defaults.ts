import { canonicalDecimal } from "../../lib/decimal.ts";
import type { XeroOption, XeroTaxMapping } from "../../lib/types.ts";

const same = (a: string | null | undefined, b: string) =>
  a !== null && a !== undefined && canonicalDecimal(a) !== null && canonicalDecimal(a) === canonicalDecimal(b);

/**
 * The Xero tax type a line with this Settle tax rate starts with, as the server would choose it: the workspace
 * mapping, else the organisation's only revenue rate of that percentage, else No tax (NONE) for 0%. Empty when
 * the member has to choose (several or no rates of that percentage).
 */
export function defaultTaxType(taxRate: string, mappings: XeroTaxMapping[], rates: XeroOption[]): string {
  const mapped = mappings.find((m) => same(m.tax_rate, taxRate));
  if (mapped) return mapped.tax_type;
  const matching = rates.filter((r) => same(r.detail, taxRate));
  if (matching.length === 1 && matching[0]) return matching[0].code;
  if (matching.some((r) => r.code === "NONE")) return "NONE";
  return "";
}

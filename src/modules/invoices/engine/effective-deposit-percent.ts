import { formatDecimal, toDecimal } from "../../../lib/money.ts";

type Maybe<T> = T | null | undefined;

/** Line override, else product default, else workspace default; "0" is a real override (no deposit). */
export function effectiveDepositPercent(
  line: { depositPercent?: Maybe<string> },
  product: Maybe<{ defaultDepositPercent?: Maybe<string> }>,
  workspaceDefault: string,
): string {
  const chosen = line.depositPercent ?? product?.defaultDepositPercent ?? workspaceDefault;
  return formatDecimal(toDecimal(chosen, "deposit percent"));
}

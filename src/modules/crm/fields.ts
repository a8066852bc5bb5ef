// Field rules shared by the CRM and opportunity inputs; messages name limits so callers can fix the value.
import { z } from "zod";
import { parseDecimal } from "../../lib/decimal.ts";
import { compareDecimal, DECIMAL_PLACES, formatDecimal, isKnownCurrency } from "../../lib/money.ts";

export const Name = z.string().trim().min(1).max(200);
export const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
export const Id = z.string().min(1).max(64);

/** The whole input of a verb that acts on one record and takes nothing else (get, delete, approve, void). */
export { RecordRef } from "../../lib/record-id.ts";

export const Currency = z
  .string()
  .max(3)
  .refine(isKnownCurrency, { error: "must be an ISO 4217 code in upper case, such as USD" });

/** Integer minor units; the ceiling keeps quantity × unit amount inside safe integers. */
export const MinorAmount = z.number().int().min(0).max(100_000_000_000);

function decimalField(max: string, what: string) {
  const ceiling = { coefficient: BigInt(max), scale: 0 };
  return z.union([z.number(), z.string().max(32)]).transform((value, ctx) => {
    const parsed = parseDecimal(value, DECIMAL_PLACES);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `${what}: ${parsed.reason}` });
      return z.NEVER;
    }
    if (parsed.value.coefficient < 0n || compareDecimal(parsed.value, ceiling) > 0) {
      ctx.addIssue({ code: "custom", message: `${what} must be between 0 and ${max}` });
      return z.NEVER;
    }
    return formatDecimal(parsed.value);
  });
}

/** A percentage such as 33 or "12.5", stored exactly (at most 4 places). */
export const Percent = decimalField("100", "a percentage");
export const Quantity = decimalField("1000000", "a quantity");

// CSV cells are text; these turn them into what the API's schemas expect, and leave anything else as text
// so the schema reports it with its own message.

import { AppError } from "../../lib/errors.ts";
import { toMinor } from "../../lib/money.ts";

export function integerOrText(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

export function booleanOrText(value: string | undefined): boolean | string | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (["true", "yes", "y", "1"].includes(v)) return true;
  if (["false", "no", "n", "0"].includes(v)) return false;
  return value;
}

/** A price as a decimal in its currency ("12.50") to minor units; unit_amount (already minor) wins. */
export function minorAmount(values: Record<string, string>, currency: string | undefined): number | string | undefined {
  if (values.unit_amount !== undefined) return integerOrText(values.unit_amount);
  const price = values.unit_price;
  if (price === undefined) return undefined;
  if (!currency) {
    throw new AppError("invalid_input", "A unit price needs a currency.", {
      issues: [{ field: "currency", message: "give the currency so unit_price can be read" }],
    });
  }
  try {
    return toMinor(price.replace(/[,\s]/g, ""), currency);
  } catch {
    throw new AppError("invalid_input", `"${price}" is not a price in ${currency}.`, {
      issues: [{ field: "unit_price", message: `must be a decimal amount in ${currency}, such as 12.50` }],
    });
  }
}

/** Drops keys whose value is undefined, so an update leaves those fields as they are. */
export function defined<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

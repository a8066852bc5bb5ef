/**
 * Exact decimals for what people type (prices, quantities, percentages): a BigInt coefficient and a scale,
 * never a float, so "0.1" stays 0.1 and "19.99" is 1999 cents rather than 1998.9999….
 */
export type Decimal = { readonly coefficient: bigint; readonly scale: number };

// Digits with an optional sign and fraction; grouping separators are checked separately below.
const PLAIN = /^([+-]?)([\d, \u00a0\u202f]*)(?:\.(\d*))?$/;
// "1,234,567" or "1 234 567": groups of three after the first, one kind of separator throughout. Anything else
// with a comma ("12,50" typed in a comma-decimal locale) is refused rather than read as 1250.
const GROUPED = /^\d{1,3}(?:(?<sep>[, \u00a0\u202f])\d{3}(?:\k<sep>\d{3})*)?$/;

/**
 * "1,234.50" → 1234.5, " -0.25 " → -0.25, ".5" → 0.5, "12." → 12. Null for anything else: empty text, a lone
 * sign or point, letters, exponents ("1e5"), several points, or commas that are not thousands separators.
 */
export function parseDecimal(text: string): Decimal | null {
  const match = PLAIN.exec(text.trim());
  if (!match) {
    return null;
  }
  const [, sign = "", grouped = "", rawFraction = ""] = match;
  if (grouped === "" && rawFraction === "") {
    return null;
  }
  if (grouped !== "" && !/^\d+$/.test(grouped) && !GROUPED.test(grouped)) {
    return null;
  }
  const fraction = rawFraction.replace(/0+$/, "");
  const magnitude = BigInt(`${grouped.replace(/\D/g, "")}${fraction}` || "0");
  return { coefficient: sign === "-" ? -magnitude : magnitude, scale: fraction.length };
}

/** Canonical text: "12.5", "-0.25", "3"; no exponent, no trailing zeros, never "-0". */
export function formatDecimal(value: Decimal): string {
  const negative = value.coefficient < 0n;
  const digits = (negative ? -value.coefficient : value.coefficient).toString().padStart(value.scale + 1, "0");
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** What a person typed, in the canonical form the API reads exactly ("1,000.50" → "1000.5"); null if not a number. */
export function canonicalDecimal(text: string): string | null {
  const value = parseDecimal(text);
  return value ? formatDecimal(value) : null;
}

/** round(numerator / denominator), halves away from zero: 5/2 → 3, −5/2 → −3. The denominator is positive. */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) {
    throw new RangeError("The denominator must be positive.");
  }
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}

/** The value as a whole number of 10^-places units, rounded half away from zero: (2.345, 2) → 235n. */
export function toScaled(value: Decimal, places: number): bigint {
  if (value.scale <= places) {
    return value.coefficient * 10n ** BigInt(places - value.scale);
  }
  return roundHalfAwayFromZero(value.coefficient, 10n ** BigInt(value.scale - places));
}

export function isPositive(value: Decimal): boolean {
  return value.coefficient > 0n;
}

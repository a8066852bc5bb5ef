/** An exact decimal number: coefficient × 10^-scale, with no trailing zeros in the fraction. */
export type Decimal = { readonly coefficient: bigint; readonly scale: number };

export type DecimalParse = { ok: true; value: Decimal } | { ok: false; reason: string };

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Reads a plain decimal ("12", "-0.5", "33.3300") or a finite number. Trailing fractional zeros are
 * dropped before counting places, so "12.340" fits two places. Exponent forms ("1e-7") are refused
 * because they are what floats print when they have lost the value the user typed.
 */
export function parseDecimal(input: string | number, maxScale: number): DecimalParse {
  if (typeof input === "number" && !Number.isFinite(input)) {
    return { ok: false, reason: `${input} is not a finite number` };
  }
  const text = typeof input === "number" ? String(input) : input;
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) {
    return { ok: false, reason: `${JSON.stringify(text)} is not a plain decimal number` };
  }
  const [, sign = "", whole = "", rawFraction = ""] = match;
  const fraction = rawFraction.replace(/0+$/, "");
  if (fraction.length > maxScale) {
    return { ok: false, reason: `${JSON.stringify(text)} has more than ${maxScale} decimal places` };
  }
  const magnitude = BigInt(whole + fraction);
  return { ok: true, value: { coefficient: sign === "-" ? -magnitude : magnitude, scale: fraction.length } };
}

export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const left = a.coefficient * 10n ** BigInt(scale - a.scale);
  const right = b.coefficient * 10n ** BigInt(scale - b.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Canonical text: no exponent, no trailing zeros, "-0" never appears. */
export function formatDecimal(value: Decimal): string {
  const negative = value.coefficient < 0n;
  const digits = (negative ? -value.coefficient : value.coefficient).toString().padStart(value.scale + 1, "0");
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/**
 * Money is integer minor units beside an ISO 4217 currency, as the API sends it (`*_amount`). Typed prices are
 * read with exact decimals and shown through Intl with the digits split as text, so no amount passes through
 * floating point on its way in or out.
 */
import { parseDecimal, toScaled } from "./decimal.ts";

// The server's table (src/lib/money.ts). Intl's currency data differs for some codes (it gives IQD 0 digits,
// for instance), and an exponent that disagrees with the server's would scale amounts by 10× or more.
const ZERO_DECIMAL = new Set("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split(" "));
const THREE_DECIMAL = new Set("BHD IQD JOD KWD LYD OMR TND".split(" "));

/** Digits after the point: 0 for JPY, 2 for USD, 3 for KWD. */
export function currencyExponent(currency: string): number {
  return ZERO_DECIMAL.has(currency) ? 0 : THREE_DECIMAL.has(currency) ? 3 : 2;
}

function assertMinor(amount: number): void {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`${amount} is not a whole number of minor units.`);
  }
}

/**
 * "12.50" USD → 1250, "1,234" JPY → 1234, "1.2345" KWD → 1235. Digits beyond the currency's round half away
 * from zero. Null when the text is not a number or the amount is beyond what the API accepts.
 */
export function parseMoney(text: string, currency: string): number | null {
  const value = parseDecimal(text);
  if (!value) {
    return null;
  }
  const minor = toScaled(value, currencyExponent(currency));
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  return minor > limit || minor < -limit ? null : Number(minor);
}

/** 1234 USD → "12.34", -5 USD → "-0.05", 1234 JPY → "1234", 1234 KWD → "1.234": an input's starting text. */
export function toMajorText(amount: number, currency: string): string {
  assertMinor(amount);
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(amount)).padStart(exponent + 1, "0");
  const sign = amount < 0 ? "-" : "";
  if (exponent === 0) {
    return `${sign}${digits}`;
  }
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, exponent: number, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ""}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * 123456 USD → "$1,234.56" in the reader's locale. Intl formats the whole units (an exact integer) and the
 * fraction digits are put in as text, so even amounts near the safe-integer limit print every cent.
 */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  const text = toMajorText(amount, currency);
  const exponent = currencyExponent(currency);
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? text.slice(1) : text).split(".");
  let formatter: Intl.NumberFormat;
  try {
    formatter = formatterFor(currency, exponent, locale);
  } catch {
    return `${text} ${currency}`;
  }
  // -0 keeps the minus sign for amounts between -1 and 0 major units.
  const wholeUnits = negative ? -Number(whole) : Number(whole);
  return formatter
    .formatToParts(wholeUnits)
    .map((part) => (part.type === "fraction" ? fraction : part.value))
    .join("");
}

/** Exact sum of minor amounts; throws if the total leaves the safe-integer range rather than losing cents. */
export function sumMinor(amounts: readonly number[]): number {
  let total = 0n;
  for (const amount of amounts) {
    assertMinor(amount);
    total += BigInt(amount);
  }
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  if (total > limit || total < -limit) {
    throw new RangeError("The total is beyond the largest exact amount.");
  }
  return Number(total);
}

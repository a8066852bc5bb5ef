import { compareDecimal, type Decimal, formatDecimal, parseDecimal } from "./decimal.ts";

export { compareDecimal, type Decimal, formatDecimal };

/** Invalid money input: unknown currency, malformed decimal, or a value outside JS safe integers. */
export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MoneyError";
  }
}

/** Quantities and percentages carry at most this many decimal places. */
export const DECIMAL_PLACES = 4;

const ZERO_DECIMAL = new Set("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split(" "));
const THREE_DECIMAL = new Set("BHD IQD JOD KWD LYD OMR TND".split(" "));

// Active ISO 4217 codes usable for billing. Four-decimal units (CLF, UYW) and metals/funds codes are
// left out on purpose: nothing in Settle or Xero can bill them at their true precision.
const KNOWN_CURRENCIES = new Set(
  (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN " +
    "BZD CAD CDF CHE CHF CHW CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP " +
    "GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF " +
    "KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR " +
    "MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK " +
    "SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI " +
    "UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL"
  ).split(" "),
);

export function isKnownCurrency(currency: string): boolean {
  return KNOWN_CURRENCIES.has(currency);
}

/** Number of minor-unit digits: 0 for JPY, 2 for USD, 3 for KWD. Throws for codes Settle does not know. */
export function currencyExponent(currency: string): number {
  if (!isKnownCurrency(currency)) {
    throw new MoneyError(`Unknown currency ${JSON.stringify(currency)}: expected an ISO 4217 code such as "USD".`);
  }
  return ZERO_DECIMAL.has(currency) ? 0 : THREE_DECIMAL.has(currency) ? 3 : 2;
}

export function assertMinor(value: number, label = "amount"): void {
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError(`${label} must be a safe integer number of minor units, got ${value}.`);
  }
}

/** A quantity or percentage as an exact decimal (at most 4 places); never goes through float arithmetic. */
export function toDecimal(value: string | number, label = "value"): Decimal {
  const parsed = parseDecimal(value, DECIMAL_PLACES);
  if (!parsed.ok) {
    throw new MoneyError(`${label}: ${parsed.reason}.`);
  }
  return parsed.value;
}

/** "12.34" USD → 1234. Refuses more decimal places than the currency has. */
export function toMinor(value: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const parsed = parseDecimal(value, exponent);
  if (!parsed.ok) {
    throw new MoneyError(`${currency} amount: ${parsed.reason}.`);
  }
  return fromBigInt(parsed.value.coefficient * 10n ** BigInt(exponent - parsed.value.scale), `${currency} amount`);
}

/**
 * A provider's decimal amount read back in `currency`, rounded half away from zero to the currency's places.
 * Unlike toMinor it never refuses extra places: the provider already holds the amount, and refusing it after
 * the provider has acted would lose the record of what it did.
 */
export function toMinorRounded(value: string | number, currency: string): number {
  const exponent = currencyExponent(currency);
  const d = toDecimal(value, `${currency} amount`);
  const shift = exponent - d.scale;
  const minor =
    shift >= 0 ? d.coefficient * 10n ** BigInt(shift) : roundHalfAwayFromZero(d.coefficient, 10n ** BigInt(-shift));
  return fromBigInt(minor, `${currency} amount`);
}

/** 1234 USD → "12.34", 1234 JPY → "1234", 1234 KWD → "1.234" (always all the currency's places). */
export function toDecimalString(minor: number, currency: string): string {
  assertMinor(minor);
  const exponent = currencyExponent(currency);
  if (exponent === 0) {
    return String(minor);
  }
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  const sign = minor < 0 ? "-" : "";
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** For display only: "$1,234.50". The decimal string is passed to Intl so large amounts stay exact. */
export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const exponent = currencyExponent(currency);
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  return format.format(toDecimalString(minor, currency) as Intl.StringNumericLiteral);
}

export function addMinor(a: number, b: number): number {
  return sumMinor([a, b]);
}

export function subtractMinor(a: number, b: number): number {
  assertMinor(b);
  return sumMinor([a, -b]);
}

export function sumMinor(values: readonly number[]): number {
  let total = 0n;
  for (const value of values) {
    assertMinor(value);
    total += BigInt(value);
  }
  return fromBigInt(total, "sum");
}

/** round(minor × factor), half away from zero. */
export function multiplyByDecimal(minor: number, factor: string | number): number {
  assertMinor(minor);
  const f = toDecimal(factor, "factor");
  return fromBigInt(roundHalfAwayFromZero(BigInt(minor) * f.coefficient, 10n ** BigInt(f.scale)), "product");
}

/** round(minor × percent / 100), half away from zero. */
export function percentOf(minor: number, percent: string | number): number {
  assertMinor(minor);
  const p = toDecimal(percent, "percent");
  return fromBigInt(roundHalfAwayFromZero(BigInt(minor) * p.coefficient, 100n * 10n ** BigInt(p.scale)), "percentage");
}

/** round(unitAmount × quantity × (1 − discountPercent / 100)) with one rounding at the very end. */
export function lineAmount(
  unitAmount: number,
  quantity: string | number,
  discountPercent: string | number = 0,
): number {
  assertMinor(unitAmount, "unit amount");
  const q = toDecimal(quantity, "quantity");
  const d = toDecimal(discountPercent, "discount percent");
  const dScale = 10n ** BigInt(d.scale);
  const numerator = BigInt(unitAmount) * q.coefficient * (100n * dScale - d.coefficient);
  const denominator = 10n ** BigInt(q.scale) * 100n * dScale;
  return fromBigInt(roundHalfAwayFromZero(numerator, denominator), "line amount");
}

/** round(gross / (1 + ratePercent / 100)): the tax-exclusive part of a tax-inclusive amount. */
export function netFromGross(gross: number, ratePercent: string | number): number {
  assertMinor(gross);
  const r = toDecimal(ratePercent, "tax rate");
  const rScale = 10n ** BigInt(r.scale);
  const denominator = 100n * rScale + r.coefficient;
  if (denominator <= 0n) {
    throw new MoneyError(`tax rate must be above -100%, got ${formatDecimal(r)}.`);
  }
  return fromBigInt(roundHalfAwayFromZero(BigInt(gross) * 100n * rScale, denominator), "net amount");
}

function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const magnitude = numerator < 0n ? -numerator : numerator;
  const quotient = magnitude / denominator;
  const rounded = 2n * (magnitude % denominator) >= denominator ? quotient + 1n : quotient;
  return numerator < 0n ? -rounded : rounded;
}

function fromBigInt(value: bigint, label: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError(`${label} ${value} is outside the safe integer range of minor units.`);
  }
  return Number(value);
}

/** numeric columns come back padded ("2.0000"); the API always speaks the canonical decimal ("2"). */
export function canonicalDecimal(value: string): string {
  return formatDecimal(toDecimal(value));
}

/**
 * Stripe writes ISK and UGX with two decimals (amounts divisible by 100) though ISO 4217 gives them none;
 * every other currency Stripe takes in its ISO minor unit. Three-decimal currencies must end in 0.
 */
const STRIPE_TWO_DECIMAL = new Set(["ISK", "UGX"]);

export function toStripeAmount(minor: number, currency: string): number {
  assertMinor(minor);
  if (STRIPE_TWO_DECIMAL.has(currency)) return minor * 100;
  if (currencyExponent(currency) === 3 && minor % 10 !== 0) {
    throw new MoneyError(`Stripe charges ${currency} in multiples of 10 of its minor unit; ${minor} is not one.`);
  }
  return minor;
}

export function fromStripeAmount(amount: number, currency: string): number {
  assertMinor(amount);
  return STRIPE_TWO_DECIMAL.has(currency) ? Math.round(amount / 100) : amount;
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMinor,
  currencyExponent,
  formatMoney,
  isKnownCurrency,
  lineAmount,
  MoneyError,
  multiplyByDecimal,
  netFromGross,
  percentOf,
  subtractMinor,
  sumMinor,
  toDecimal,
  toDecimalString,
  toMinor,
} from "./money.ts";

const ZERO_DECIMAL = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split(" ");
const THREE_DECIMAL = "BHD IQD JOD KWD LYD OMR TND".split(" ");
const UNSAFE = [Number.MAX_SAFE_INTEGER + 1, -Number.MAX_SAFE_INTEGER - 2, 1.5, Number.NaN, Number.POSITIVE_INFINITY];

describe("currencies", () => {
  it.each(ZERO_DECIMAL)("gives %s no minor digits", (c) => expect(currencyExponent(c)).toBe(0));
  it.each(THREE_DECIMAL)("gives %s three minor digits", (c) => expect(currencyExponent(c)).toBe(3));
  it.each(["USD", "EUR", "GBP", "AUD", "NZD", "CAD", "CHF"])("gives %s two minor digits", (c) => {
    expect(currencyExponent(c)).toBe(2);
  });

  it.each(["ZZZ", "usd", "", "US", "XAU", "CLF"])("does not know %j and refuses its exponent", (c) => {
    expect(isKnownCurrency(c)).toBe(false);
    expect(() => currencyExponent(c)).toThrow(MoneyError);
  });
});

describe("toMinor", () => {
  it.each([
    ["12.34", "USD", 1234],
    ["12.3", "USD", 1230],
    ["12", "USD", 1200],
    ["12.340", "USD", 1234],
    ["-0.05", "USD", -5],
    ["1234", "JPY", 1234],
    ["1.234", "KWD", 1234],
    ["0.5", "KWD", 500],
    ["90071992547409.91", "USD", Number.MAX_SAFE_INTEGER],
  ])("reads %s %s as %i minor units", (value, currency, expected) => {
    expect(toMinor(value, currency)).toBe(expected);
  });

  it.each([
    ["12.345", "USD"],
    ["1.5", "JPY"],
    ["1.2345", "KWD"],
    ["1,00", "USD"],
    ["", "USD"],
    ["1e3", "USD"],
    ["90071992547409.92", "USD"],
    ["1", "ZZZ"],
  ])("refuses %j in %s", (value, currency) => {
    expect(() => toMinor(value, currency)).toThrow(MoneyError);
  });
});

describe("toDecimalString", () => {
  it.each([
    [1234, "USD", "12.34"],
    [5, "USD", "0.05"],
    [-5, "USD", "-0.05"],
    [0, "USD", "0.00"],
    [1234, "JPY", "1234"],
    [-7, "JPY", "-7"],
    [1234, "KWD", "1.234"],
    [-1, "KWD", "-0.001"],
    [Number.MAX_SAFE_INTEGER, "USD", "90071992547409.91"],
  ])("writes %i %s as %s", (minor, currency, expected) => {
    expect(toDecimalString(minor, currency)).toBe(expected);
  });

  it.each(UNSAFE)("refuses the non-safe-integer %s", (minor) => {
    expect(() => toDecimalString(minor, "USD")).toThrow(MoneyError);
  });

  it("round-trips every safe amount through toMinor in every exponent", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom("USD", "JPY", "KWD"), (minor, currency) => {
        expect(toMinor(toDecimalString(minor, currency), currency)).toBe(minor);
      }),
    );
  });
});

describe("formatMoney", () => {
  it.each([
    [123450, "USD", "en-US", "$1,234.50"],
    [1234, "JPY", "en-US", "¥1,234"],
    [Number.MAX_SAFE_INTEGER, "USD", "en-US", "$90,071,992,547,409.91"],
    [-5, "USD", "en-US", "-$0.05"],
  ])("shows %i %s in %s as %s", (minor, currency, locale, expected) => {
    expect(formatMoney(minor, currency, locale)).toBe(expected);
  });

  it("shows three-decimal currencies with all three digits", () => {
    expect(formatMoney(1234, "KWD")).toMatch(/1\.234$/);
  });
});

describe("multiplyByDecimal", () => {
  it.each([
    [1000, "1.5", 1500],
    [1, "0.5", 1],
    [-1, "0.5", -1],
    [3, "0.5", 2],
    [-3, "0.5", -2],
    [1, "0.4999", 0],
    [-1, "0.4999", 0],
    [10001, "0.0001", 1],
    [7, 12.5, 88],
    [123, "0", 0],
  ])("rounds %i × %s half away from zero to %i", (minor, factor, expected) => {
    expect(multiplyByDecimal(minor, factor)).toBe(expected);
  });

  it("refuses float-noisy factors instead of guessing", () => {
    expect(() => multiplyByDecimal(100, 0.1 + 0.2)).toThrow(MoneyError);
  });

  it("refuses factors with more than four decimal places", () => {
    expect(() => multiplyByDecimal(100, "0.00001")).toThrow(MoneyError);
  });

  it("refuses a product beyond the safe integer range", () => {
    expect(() => multiplyByDecimal(Number.MAX_SAFE_INTEGER, "2")).toThrow(MoneyError);
  });

  it.each(UNSAFE)("refuses the non-safe-integer amount %s", (minor) => {
    expect(() => multiplyByDecimal(minor, "1")).toThrow(MoneyError);
  });
});

describe("percentOf", () => {
  it.each([
    [1005, "10", 101],
    [-1005, "10", -101],
    [201, 50, 101],
    [-201, 50, -101],
    [999, "33.3333", 333],
    [10000, "12.5", 1250],
    [1, "49.9999", 0],
    [100000, "0.0001", 0],
    [500000, "0.0001", 1],
    [-500000, "0.0001", -1],
  ])("takes %i × %s percent rounded half away from zero as %i", (minor, percent, expected) => {
    expect(percentOf(minor, percent)).toBe(expected);
  });

  it("is within half a minor unit of the exact value, ties away from zero, symmetric in sign", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 1_000_000 }), (minor, p) => {
        const percent = toDecimal(pct(p));
        const result = percentOf(minor, pct(p));
        const denominator = 100n * 10n ** BigInt(percent.scale);
        const exact = BigInt(minor) * percent.coefficient;
        const scaledResult = BigInt(result) * denominator;
        const absError = scaledResult > exact ? scaledResult - exact : exact - scaledResult;
        expect(2n * absError <= denominator).toBe(true);
        if (2n * absError === denominator) {
          expect(abs(scaledResult) > abs(exact)).toBe(true);
        }
        expect(percentOf(-minor, pct(p))).toBe(result === 0 ? 0 : -result);
      }),
    );
  });
});

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** p in ten-thousandths of a percent, written as a plain decimal string. */
function pct(p: number): string {
  const whole = Math.trunc(p / 10_000);
  const fraction = String(p % 10_000).padStart(4, "0");
  return `${whole}.${fraction}`;
}

describe("lineAmount", () => {
  it.each([
    [1999, "3", "15", 5097],
    [333, "0.5", "50", 83],
    [10, "0.05", "0", 1],
    [-10, "0.05", "0", -1],
    [100000, "2.5", "12.5", 218750],
    [1234, "0", "0", 0],
    [1234, "7", "100", 0],
  ])("bills %i × %s less %s percent as %i", (unit, quantity, discount, expected) => {
    expect(lineAmount(unit, quantity, discount)).toBe(expected);
  });

  it("rounds once at the end, not after the quantity and again after the discount", () => {
    // 333 × 0.5 = 166.5 would round to 167, then × 0.5 = 83.5 → 84; the exact value 83.25 rounds to 83.
    expect(lineAmount(333, "0.5", "50")).toBe(83);
  });
});

describe("netFromGross", () => {
  it.each([
    [11500, "15", 10000],
    [100, "15", 87],
    [-100, "15", -87],
    [1000, "0", 1000],
    [1050, "5", 1000],
    [21, "5", 20],
  ])("takes the net of gross %i at %s percent as %i", (gross, rate, expected) => {
    expect(netFromGross(gross, rate)).toBe(expected);
  });

  it("refuses a rate of -100% or below", () => {
    expect(() => netFromGross(100, "-100")).toThrow(MoneyError);
  });
});

describe("sums", () => {
  it("adds, subtracts and sums exactly", () => {
    expect(addMinor(1, 2)).toBe(3);
    expect(subtractMinor(1, 2)).toBe(-1);
    expect(sumMinor([1, 2, 3, -4])).toBe(2);
    expect(sumMinor([])).toBe(0);
  });

  it("refuses a sum beyond the safe integer range", () => {
    expect(() => addMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow(MoneyError);
    expect(() => subtractMinor(Number.MIN_SAFE_INTEGER, 1)).toThrow(MoneyError);
  });

  it.each(UNSAFE)("refuses the non-safe-integer term %s", (value) => {
    expect(() => sumMinor([1, value])).toThrow(MoneyError);
  });
});

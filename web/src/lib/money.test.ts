import { describe, expect, it } from "vitest";
import { currencyExponent, formatMoney, parseMoney, sumMinor, toMajorText } from "./money.ts";

// The server's money module, loaded by a path the compiler does not follow: src/ is outside the web app's
// compiler settings (its lib has no Intl.StringNumericLiteral), and only the table lookups are needed here.
const serverMoneyPath = "../../../src/lib/money.ts";
type ServerMoney = { currencyExponent(currency: string): number; isKnownCurrency(currency: string): boolean };
const server: ServerMoney = await import(/* @vite-ignore */ serverMoneyPath);

// Intl separates the code from the digits with a no-break space in some locales; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("currencyExponent", () => {
  it("gives 0, 2 and 3 digits by currency", () => {
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("KRW")).toBe(0);
    expect(currencyExponent("USD")).toBe(2);
    expect(currencyExponent("EUR")).toBe(2);
    expect(currencyExponent("KWD")).toBe(3);
    expect(currencyExponent("BHD")).toBe(3);
  });

  it("agrees with the server for every currency the server accepts, where Intl's data would not", () => {
    expect(currencyExponent("IQD")).toBe(3);
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let known = 0;
    for (const a of letters) {
      for (const b of letters) {
        for (const c of letters) {
          const code = `${a}${b}${c}`;
          if (server.isKnownCurrency(code)) {
            known += 1;
            expect([code, currencyExponent(code)]).toEqual([code, server.currencyExponent(code)]);
          }
        }
      }
    }
    expect(known).toBeGreaterThan(100);
  });
});

describe("parseMoney", () => {
  it("reads two-decimal currencies", () => {
    expect(parseMoney("12.50", "USD")).toBe(1250);
    expect(parseMoney("12.5", "USD")).toBe(1250);
    expect(parseMoney("12", "USD")).toBe(1200);
    expect(parseMoney("12.", "USD")).toBe(1200);
    expect(parseMoney(".5", "USD")).toBe(50);
    expect(parseMoney("0.01", "USD")).toBe(1);
    expect(parseMoney("0", "USD")).toBe(0);
    expect(parseMoney(" 7.10 ", "USD")).toBe(710);
    expect(parseMoney("+5", "USD")).toBe(500);
  });

  it("reads thousands separators", () => {
    expect(parseMoney("1,234.56", "USD")).toBe(123456);
    expect(parseMoney("1,234,567.89", "EUR")).toBe(123456789);
    expect(parseMoney("1 234.56", "USD")).toBe(123456);
    expect(parseMoney("1\u00a0234", "JPY")).toBe(1234);
  });

  it("reads zero-decimal currencies", () => {
    expect(parseMoney("1234", "JPY")).toBe(1234);
    expect(parseMoney("1,234", "JPY")).toBe(1234);
    expect(parseMoney("1234.00", "JPY")).toBe(1234);
  });

  it("reads three-decimal currencies", () => {
    expect(parseMoney("1.234", "KWD")).toBe(1234);
    expect(parseMoney("1.2", "KWD")).toBe(1200);
    expect(parseMoney("0.001", "KWD")).toBe(1);
  });

  it("reads negative amounts", () => {
    expect(parseMoney("-12.34", "USD")).toBe(-1234);
    expect(parseMoney("-0.05", "USD")).toBe(-5);
    expect(parseMoney("-1,234", "JPY")).toBe(-1234);
    expect(parseMoney("-1.234", "KWD")).toBe(-1234);
    expect(Object.is(parseMoney("-0", "USD"), 0)).toBe(true);
  });

  it("rounds digits beyond the currency's half away from zero", () => {
    expect(parseMoney("0.005", "USD")).toBe(1);
    expect(parseMoney("0.0049999", "USD")).toBe(0);
    expect(parseMoney("-0.005", "USD")).toBe(-1);
    expect(parseMoney("2.345", "USD")).toBe(235);
    expect(parseMoney("-2.345", "USD")).toBe(-235);
    expect(parseMoney("1234.5", "JPY")).toBe(1235);
    expect(parseMoney("-1234.5", "JPY")).toBe(-1235);
    expect(parseMoney("1234.4", "JPY")).toBe(1234);
    expect(parseMoney("1.2345", "KWD")).toBe(1235);
    expect(parseMoney("1.2344", "KWD")).toBe(1234);
    expect(parseMoney("-1.2345", "KWD")).toBe(-1235);
    expect(Object.is(parseMoney("-0.004", "USD"), 0)).toBe(true);
  });

  it("is exact where float arithmetic is not", () => {
    // 1.005 × 100 is 100.49999999999999 in floating point, and 4.35 × 100 is 434.99999999999994.
    expect(parseMoney("1.005", "USD")).toBe(101);
    expect(parseMoney("-1.005", "USD")).toBe(-101);
    expect(parseMoney("4.35", "USD")).toBe(435);
    expect(parseMoney("19.99", "USD")).toBe(1999);
    expect(parseMoney("90071992547409.91", "USD")).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseMoney("-90071992547409.91", "USD")).toBe(-Number.MAX_SAFE_INTEGER);
  });

  it("refuses amounts beyond exact integers", () => {
    expect(parseMoney("90071992547409.92", "USD")).toBeNull();
    expect(parseMoney("9007199254740992", "JPY")).toBeNull();
    expect(parseMoney("1".repeat(40), "USD")).toBeNull();
  });

  it("refuses text that is not a plain number", () => {
    for (const text of [
      "",
      "   ",
      "-",
      "+",
      ".",
      "-.",
      "abc",
      "12a",
      "$12",
      "12 USD",
      "1e3",
      "1E-2",
      "Infinity",
      "NaN",
      "0x10",
      "1.2.3",
      "--1",
      "1-",
      "12,50",
      "1,23",
      "1,2345",
      ",123",
      "1,,234",
      "1,234 567",
      "1.234,56",
    ]) {
      expect([text, parseMoney(text, "USD")]).toEqual([text, null]);
    }
  });
});

describe("toMajorText", () => {
  it("writes every digit of the currency", () => {
    expect(toMajorText(1234, "USD")).toBe("12.34");
    expect(toMajorText(5, "USD")).toBe("0.05");
    expect(toMajorText(0, "USD")).toBe("0.00");
    expect(toMajorText(1234, "JPY")).toBe("1234");
    expect(toMajorText(0, "JPY")).toBe("0");
    expect(toMajorText(1234, "KWD")).toBe("1.234");
    expect(toMajorText(1, "KWD")).toBe("0.001");
    expect(toMajorText(Number.MAX_SAFE_INTEGER, "USD")).toBe("90071992547409.91");
  });

  it("writes negative amounts", () => {
    expect(toMajorText(-5, "USD")).toBe("-0.05");
    expect(toMajorText(-1234, "JPY")).toBe("-1234");
    expect(toMajorText(-1, "KWD")).toBe("-0.001");
  });

  it("round-trips through parseMoney", () => {
    for (const currency of ["USD", "JPY", "KWD"]) {
      for (const amount of [0, 1, -1, 9, 10, 99, 100, 101, 123456789, -987654321, Number.MAX_SAFE_INTEGER]) {
        expect(parseMoney(toMajorText(amount, currency), currency)).toBe(amount);
      }
    }
  });

  it("refuses amounts that are not whole minor units", () => {
    expect(() => toMajorText(1.5, "USD")).toThrow(RangeError);
    expect(() => toMajorText(Number.NaN, "USD")).toThrow(RangeError);
    expect(() => toMajorText(Number.MAX_SAFE_INTEGER + 1, "USD")).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it("formats with the currency's exponent", () => {
    expect(formatMoney(123456, "USD", "en-US")).toBe("$1,234.56");
    expect(formatMoney(0, "USD", "en-US")).toBe("$0.00");
    expect(formatMoney(1234, "JPY", "en-US")).toBe("¥1,234");
    expect(plain(formatMoney(1234, "KWD", "en-US"))).toBe("KWD 1.234");
    expect(plain(formatMoney(1234567, "KWD", "en-US"))).toBe("KWD 1,234.567");
  });

  it("formats negative amounts, including those under one major unit", () => {
    expect(formatMoney(-5, "USD", "en-US")).toBe("-$0.05");
    expect(formatMoney(-123456, "USD", "en-US")).toBe("-$1,234.56");
    expect(formatMoney(-1234, "JPY", "en-US")).toBe("-¥1,234");
    expect(plain(formatMoney(-1, "KWD", "en-US"))).toBe("-KWD 0.001");
  });

  it("follows the locale's separators", () => {
    expect(plain(formatMoney(-123450, "EUR", "de-DE"))).toBe("-1.234,50 €");
    expect(plain(formatMoney(1234, "KWD", "de-DE"))).toBe("1,234 KWD");
  });

  it("prints every cent of the largest exact amount", () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "USD", "en-US")).toBe("$90,071,992,547,409.91");
  });
});

describe("sumMinor", () => {
  it("adds exactly, including negatives", () => {
    expect(sumMinor([])).toBe(0);
    expect(sumMinor([1250, 999, -249])).toBe(2000);
    expect(sumMinor([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("throws rather than lose a minor unit", () => {
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumMinor([0.5])).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { canonicalDecimal, formatDecimal, parseDecimal, roundHalfAwayFromZero, toScaled } from "./decimal.ts";
import { formatPercent } from "./format.ts";

describe("parseDecimal", () => {
  it("keeps the typed value exactly, without trailing zeros", () => {
    expect(parseDecimal("12.50")).toEqual({ coefficient: 125n, scale: 1 });
    expect(parseDecimal("0.1")).toEqual({ coefficient: 1n, scale: 1 });
    expect(parseDecimal("-0.0001")).toEqual({ coefficient: -1n, scale: 4 });
    expect(parseDecimal("1,000,000")).toEqual({ coefficient: 1000000n, scale: 0 });
    expect(parseDecimal("123456789012345678901234567890.5")).toEqual({
      coefficient: 1234567890123456789012345678905n,
      scale: 1,
    });
  });

  it("refuses what is not a plain decimal", () => {
    for (const text of ["", " ", "-", ".", "1e5", "1.2.3", "12,5", "1,00", "one", "- 5", "5-"]) {
      expect([text, parseDecimal(text)]).toEqual([text, null]);
    }
  });
});

describe("canonicalDecimal", () => {
  it("gives the text the API reads exactly", () => {
    expect(canonicalDecimal("12.50")).toBe("12.5");
    expect(canonicalDecimal(" 2 ")).toBe("2");
    expect(canonicalDecimal("0.0001")).toBe("0.0001");
    expect(canonicalDecimal(".5")).toBe("0.5");
    expect(canonicalDecimal("1,000.25")).toBe("1000.25");
    expect(canonicalDecimal("-0.00")).toBe("0");
    expect(canonicalDecimal("007")).toBe("7");
    expect(canonicalDecimal("abc")).toBeNull();
  });

  it("formats decimals without exponents", () => {
    expect(formatDecimal({ coefficient: 1n, scale: 7 })).toBe("0.0000001");
    expect(formatDecimal({ coefficient: -12345n, scale: 2 })).toBe("-123.45");
    expect(formatDecimal({ coefficient: 1200n, scale: 2 })).toBe("12");
  });
});

describe("rounding", () => {
  it("rounds halves away from zero", () => {
    expect(roundHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(roundHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(roundHalfAwayFromZero(7n, 3n)).toBe(2n);
    expect(roundHalfAwayFromZero(-7n, 3n)).toBe(-2n);
    expect(roundHalfAwayFromZero(0n, 9n)).toBe(0n);
    expect(() => roundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });

  it("scales to a number of places", () => {
    const scaled = (text: string, places: number) => {
      const value = parseDecimal(text);
      if (!value) throw new Error(`${text} did not parse`);
      return toScaled(value, places);
    };
    expect(scaled("12.5", 4)).toBe(125000n);
    expect(scaled("2.345", 2)).toBe(235n);
    expect(scaled("-2.345", 2)).toBe(-235n);
    expect(scaled("2.3449", 2)).toBe(234n);
    expect(scaled("0.5", 0)).toBe(1n);
    expect(scaled("-0.5", 0)).toBe(-1n);
  });
});

describe("formatPercent", () => {
  it("shows the stored decimal", () => {
    expect(formatPercent(12.5)).toBe("12.5%");
    expect(formatPercent("33.3300")).toBe("33.33%");
    expect(formatPercent(0.0001)).toBe("0.0001%");
    expect(formatPercent(null)).toBe("0%");
    expect(formatPercent("n/a")).toBe("0%");
  });
});

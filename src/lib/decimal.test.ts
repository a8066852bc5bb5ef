import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDecimal, formatDecimal, parseDecimal } from "./decimal.ts";

describe("parseDecimal", () => {
  it.each([
    ["12", 12n, 0],
    ["12.5", 125n, 1],
    ["-0.25", -25n, 2],
    ["33.3300", 3333n, 2],
    ["0.0001", 1n, 4],
    [1.25, 125n, 2],
    [33, 33n, 0],
  ])("reads %j exactly as coefficient %s at scale %i", (input, coefficient, scale) => {
    expect(parseDecimal(input, 4)).toEqual({ ok: true, value: { coefficient, scale } });
  });

  it.each(["", " 1", "1,5", ".5", "5.", "+1", "1e3", "abc", "--1", "0x10"])(
    "refuses the malformed text %j",
    (input) => {
      expect(parseDecimal(input, 4).ok).toBe(false);
    },
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 1e-7, 0.1 + 0.2])("refuses the number %s", (input) => {
    expect(parseDecimal(input, 4).ok).toBe(false);
  });

  it("refuses more decimal places than allowed and says so", () => {
    expect(parseDecimal("1.23456", 4)).toEqual({ ok: false, reason: '"1.23456" has more than 4 decimal places' });
  });
});

describe("compareDecimal", () => {
  it.each([
    ["1.5", "1.50", 0],
    ["2", "10", -1],
    ["-0.1", "-0.2", 1],
    ["0", "-0", 0],
  ])("compares %s with %s as %i", (a, b, expected) => {
    const left = parseDecimal(a, 4);
    const right = parseDecimal(b, 4);
    if (!left.ok || !right.ok) throw new Error("fixture did not parse");
    expect(compareDecimal(left.value, right.value)).toBe(expected);
  });
});

describe("formatDecimal", () => {
  it.each([
    ["12.500", "12.5"],
    ["0.0500", "0.05"],
    ["-0.0", "0"],
    ["-3.25", "-3.25"],
    ["007", "7"],
  ])("writes %s canonically as %s", (input, expected) => {
    const parsed = parseDecimal(input, 4);
    if (!parsed.ok) throw new Error("fixture did not parse");
    expect(formatDecimal(parsed.value)).toBe(expected);
  });

  it("round-trips every decimal of up to four places through its canonical text", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 4 }), (c, scale) => {
        const text = formatDecimal({ coefficient: c, scale });
        const reparsed = parseDecimal(text, 4);
        expect(reparsed.ok && compareDecimal(reparsed.value, { coefficient: c, scale })).toBe(0);
        expect(reparsed.ok && formatDecimal(reparsed.value)).toBe(text);
      }),
    );
  });
});

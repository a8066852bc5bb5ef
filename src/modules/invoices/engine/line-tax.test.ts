import { describe, expect, it } from "vitest";
import { EngineError } from "./engine-error.ts";
import { lineTax } from "./line-tax.ts";

describe("lineTax", () => {
  it.each([
    [10000, "15", 10000, 1500],
    [999, "12.5", 999, 125],
    [1, "50", 1, 1],
    [12345, "0", 12345, 0],
  ])("adds tax on top when exclusive: %i at %s percent → net %i, tax %i", (amount, rate, net, tax) => {
    expect(lineTax(amount, rate, "exclusive")).toEqual({ net, tax });
  });

  it.each([
    [11500, "15", 10000, 1500],
    [100, "15", 87, 13],
    [1000, "12.5", 889, 111],
    [12345, "0", 12345, 0],
  ])("takes tax out when inclusive: %i at %s percent → net %i, tax %i", (amount, rate, net, tax) => {
    expect(lineTax(amount, rate, "inclusive")).toEqual({ net, tax });
  });

  it("refuses a negative tax rate", () => {
    expect(() => lineTax(100, "-5", "exclusive")).toThrow(EngineError);
  });
});

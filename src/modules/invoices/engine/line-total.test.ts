import { describe, expect, it } from "vitest";
import { EngineError } from "./engine-error.ts";
import { lineTotal } from "./line-total.ts";

describe("lineTotal", () => {
  it.each([
    ["2", 50000, "0", 100000],
    ["3", 1999, "15", 5097],
    ["0.5", 333, "50", 83],
    ["1.25", 999, "10", 1124],
    ["0", 5000, "0", 0],
    ["4", 2500, "100", 0],
  ])("bills quantity %s × %i less %s percent as %i, rounding once", (quantity, unitAmount, discountPercent, total) => {
    expect(lineTotal({ quantity, unitAmount, discountPercent })).toBe(total);
  });

  it.each([
    [{ quantity: "-1", unitAmount: 100, discountPercent: "0" }, /quantity must not be negative/],
    [{ quantity: "1", unitAmount: -100, discountPercent: "0" }, /unitAmount must not be negative/],
    [{ quantity: "1", unitAmount: 100, discountPercent: "100.01" }, /discountPercent must be at most 100/],
    [{ quantity: "1", unitAmount: 1.5, discountPercent: "0" }, /safe integer/],
    [{ quantity: "1.23456", unitAmount: 100, discountPercent: "0" }, /more than 4 decimal places/],
    [{ quantity: "lots", unitAmount: 100, discountPercent: "0" }, /not a plain decimal/],
  ])("refuses an unpriceable line %j as invalid_line", (fields, message) => {
    const act = () => lineTotal({ id: "pl_1", ...fields });
    expect(act).toThrow(EngineError);
    expect(act).toThrow(message);
    try {
      act();
    } catch (error) {
      expect(error).toMatchObject({ code: "invalid_line", lineId: "pl_1" });
    }
  });
});

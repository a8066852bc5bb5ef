import { describe, expect, it } from "vitest";
import { defaultTaxType } from "./tax-defaults.ts";

const rates = [
  { id: "OUTPUT2", code: "OUTPUT2", name: "15% GST on Income", detail: "15" },
  { id: "NONE", code: "NONE", name: "No GST", detail: "0" },
  { id: "ZERORATED", code: "ZERORATED", name: "Zero Rated", detail: "0" },
];

describe("a line's default Xero tax type", () => {
  it("follows the workspace mapping first, comparing rates as decimals", () => {
    expect(defaultTaxType("15.0", [{ tax_rate: "15", tax_type: "OUTPUT2" }], rates)).toBe("OUTPUT2");
    expect(defaultTaxType("0", [{ tax_rate: "0", tax_type: "ZERORATED" }], rates)).toBe("ZERORATED");
  });

  it("else takes the organisation's only rate of that percentage, or No tax for 0%", () => {
    expect(defaultTaxType("15", [], rates)).toBe("OUTPUT2");
    expect(defaultTaxType("0", [], rates)).toBe("NONE");
  });

  it("leaves the choice to the member when no rate matches", () => {
    expect(defaultTaxType("12.5", [], rates)).toBe("");
  });
});

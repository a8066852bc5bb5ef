import { describe, expect, it } from "vitest";
import { preselect } from "./preselect.ts";
import { makeLine as line } from "./test-support.ts";
import type { Portion } from "./types.ts";

const LINES = [
  line("unpaid", "unpaid"),
  line("unpaid-no-deposit", "unpaid", { depositPercent: "0.0" }),
  line("unpaid-recurring", "unpaid", { billing: "recurring" }),
  line("deposit-invoiced", "deposit_invoiced"),
  line("deposit-invoiced-recurring", "deposit_invoiced", { billing: "recurring" }),
  line("invoiced", "invoiced"),
  line("paid", "paid", { billing: "recurring" }),
];

describe("preselect", () => {
  it.each([
    ["full", ["unpaid", "unpaid-no-deposit", "unpaid-recurring"]],
    ["deposit", ["unpaid", "unpaid-recurring"]],
    ["balance", ["deposit-invoiced", "deposit-invoiced-recurring"]],
    ["ongoing", ["unpaid-recurring"]],
  ] as const)("ticks for %s exactly the lines %j", (portion: Portion, expected) => {
    expect(preselect(portion, LINES)).toEqual(expected);
  });

  it("never ticks invoiced or paid lines for any portion", () => {
    for (const portion of ["full", "deposit", "balance", "ongoing"] as const) {
      expect(preselect(portion, LINES)).not.toContain("invoiced");
      expect(preselect(portion, LINES)).not.toContain("paid");
    }
  });
});

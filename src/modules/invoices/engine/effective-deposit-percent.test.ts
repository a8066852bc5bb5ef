import { describe, expect, it } from "vitest";
import { effectiveDepositPercent } from "./effective-deposit-percent.ts";

describe("effectiveDepositPercent", () => {
  it.each([
    ["line override wins", { depositPercent: "40" }, { defaultDepositPercent: "30" }, "20", "40"],
    ["a 0 override means no deposit", { depositPercent: "0" }, { defaultDepositPercent: "30" }, "20", "0"],
    ["product default comes next", { depositPercent: null }, { defaultDepositPercent: "30" }, "20", "30"],
    ["workspace default is last", {}, { defaultDepositPercent: null }, "20", "20"],
    ["no product falls to the workspace", { depositPercent: undefined }, null, "25.50", "25.5"],
  ])("%s", (_name, line, product, workspaceDefault, expected) => {
    expect(effectiveDepositPercent(line, product, workspaceDefault)).toBe(expected);
  });
});

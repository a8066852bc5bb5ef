import { describe, expect, it } from "vitest";
import { portionAmount } from "./portion-amount.ts";
import { makeLine } from "./test-support.ts";

// 3 × 333.33 less 10% = 899.991 → 899.99 (89999 minor units).
const build = makeLine("pl_build", "unpaid", { quantity: "3", unitAmount: 33333, discountPercent: "10" });

describe("portionAmount", () => {
  it("bills the whole line total for full and ongoing", () => {
    expect(portionAmount("full", build)).toEqual({ amount: 89999 });
    expect(portionAmount("ongoing", build)).toEqual({ amount: 89999 });
  });

  it("bills the deposit percentage of the line total, rounded half away from zero", () => {
    // 89999 × 30% = 26999.7 → 27000
    expect(portionAmount("deposit", build)).toEqual({ amount: 27000 });
    expect(portionAmount("deposit", { ...build, depositPercent: "12.5" })).toEqual({ amount: 11250 });
  });

  it("bills the balance as the remainder after deposits, so the two add up to the total", () => {
    const afterDeposit = { ...build, status: "deposit_invoiced" as const, depositsInvoicedAmount: 27000 };
    expect(portionAmount("balance", afterDeposit)).toEqual({ amount: 62999 });
  });

  it("bills the whole total as balance when no deposit was invoiced (e.g. it was voided)", () => {
    expect(portionAmount("balance", { ...build, status: "deposit_invoiced" })).toEqual({ amount: 89999 });
  });

  it("clamps the balance at 0 and says so when deposits exceed an edited-down line", () => {
    const editedDown = { ...build, status: "deposit_invoiced" as const, depositsInvoicedAmount: 100000 };
    expect(portionAmount("balance", editedDown)).toEqual({ amount: 0, warning: "deposits_exceed_total" });
  });

  it("warns nothing_left_to_bill when the balance was fully covered by deposits", () => {
    const covered = { ...build, status: "deposit_invoiced" as const, depositsInvoicedAmount: 89999 };
    expect(portionAmount("balance", covered)).toEqual({ amount: 0, warning: "nothing_left_to_bill" });
  });

  it("warns nothing_left_to_bill for a 0% deposit", () => {
    expect(portionAmount("deposit", { ...build, depositPercent: "0" })).toEqual({
      amount: 0,
      warning: "nothing_left_to_bill",
    });
  });

  it.each([
    ["full", "invoiced"],
    ["full", "paid"],
    ["balance", "invoiced"],
    ["ongoing", "paid"],
    ["deposit", "deposit_invoiced"],
    ["deposit", "invoiced"],
  ] as const)("warns double_billing for %s on a %s line but still prices it", (portion, status) => {
    const result = portionAmount(portion, { ...build, status });
    expect(result.warning).toBe("double_billing");
    expect(result.amount).toBeGreaterThan(0);
  });

  it.each(["full", "deposit", "ongoing"] as const)(
    "warns double_billing for %s when a deposit was already invoiced on the line",
    (portion) => {
      const line = { ...build, status: "deposit_invoiced" as const, depositsInvoicedAmount: 27000 };
      expect(portionAmount(portion, line).warning).toBe("double_billing");
    },
  );

  it("does not warn for full on a deposit_invoiced line whose deposit was voided", () => {
    expect(portionAmount("full", { ...build, status: "deposit_invoiced" })).toEqual({ amount: 89999 });
  });

  it("refuses a deposit percentage above 100", () => {
    expect(() => portionAmount("deposit", { ...build, depositPercent: "101" })).toThrow(/at most 100/);
  });
});

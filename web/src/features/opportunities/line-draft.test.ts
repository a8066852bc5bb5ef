import { describe, expect, it } from "vitest";
import { diffDraft, draftOf, draftProblem } from "./line-draft.ts";

const line = { quantity: 2.5, unit_amount: 1999, discount_percent: 12.5, deposit_percent: null };

describe("line drafts", () => {
  it("start from the line's values in major units", () => {
    expect(draftOf(line, "USD")).toEqual({ quantity: "2.5", unitPrice: "19.99", discount: "12.5", deposit: "" });
    expect(draftOf({ ...line, unit_amount: 1999, deposit_percent: 30 }, "KWD")).toMatchObject({
      unitPrice: "1.999",
      deposit: "30",
    });
  });

  it("send quantities and percentages as exact decimal strings and prices as minor units", () => {
    const base = draftOf(line, "USD");
    const patch = diffDraft(
      { quantity: "0.3", unitPrice: "1,234.005", discount: "33.3333", deposit: "10.10" },
      base,
      "USD",
    );
    expect(patch).toEqual({
      quantity: "0.3",
      unit_amount: 123401,
      discount_percent: "33.3333",
      deposit_percent: "10.1",
    });
  });

  it("send only what changed, and an emptied deposit as the product's default", () => {
    const base = draftOf({ ...line, deposit_percent: 20 }, "JPY");
    expect(diffDraft(base, base, "JPY")).toEqual({});
    expect(diffDraft({ ...base, deposit: "" }, base, "JPY")).toEqual({ deposit_percent: null });
    expect(diffDraft({ ...base, discount: "" }, base, "JPY")).toEqual({ discount_percent: "0" });
  });

  it("name the fields to fix before anything is sent", () => {
    expect(draftProblem(draftOf(line, "USD"), "USD")).toBeNull();
    const problem = draftProblem({ quantity: "", unitPrice: "12,50", discount: "1e2", deposit: "" }, "USD");
    expect(problem?.issues.map((i) => i.field)).toEqual(["quantity", "unit_amount", "discount_percent"]);
    expect(problem?.issueFor("unit_amount")).toBe("Enter a price such as 12.50.");
    expect(
      draftProblem({ quantity: "1", unitPrice: "x", discount: "", deposit: "" }, "JPY")?.issueFor("unit_amount"),
    ).toBe("Enter a price such as 1250.");
  });
});

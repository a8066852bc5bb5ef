import { describe, expect, it } from "vitest";
import { MoneyError } from "../../../lib/money.ts";
import { EngineError } from "./engine-error.ts";
import { previewInvoice } from "./preview-invoice.ts";
import { makeLine } from "./test-support.ts";

const website = makeLine("pl_web", "unpaid", {
  description: "Website build",
  quantity: "1",
  unitAmount: 500000,
  taxRate: "15",
  depositPercent: "30",
});
const hours = makeLine("pl_hours", "unpaid", {
  description: "Consulting",
  quantity: "12.5",
  unitAmount: 15000,
  discountPercent: "10",
  taxRate: "15",
  depositPercent: "0",
});
const hosting = makeLine("pl_host", "invoiced", {
  description: "Hosting",
  quantity: "12",
  unitAmount: 2500,
  taxRate: "15",
  billing: "recurring",
});
const lines = [website, hours, hosting];

describe("previewInvoice", () => {
  it("bills a full invoice from the pre-selected unpaid lines with per-line tax", () => {
    const preview = previewInvoice({ portion: "full", currency: "NZD", taxMode: "exclusive", lines });
    expect(preview.lines).toEqual([
      {
        productLineId: "pl_web",
        description: "Website build",
        quantity: "1",
        unitAmount: 500000,
        taxRate: "15",
        amount: 500000,
        taxAmount: 75000,
      },
      // 12.5 × 150.00 less 10% = 1687.50, billed as one amount because the quantity is fractional.
      {
        productLineId: "pl_hours",
        description: "Consulting",
        quantity: "1",
        unitAmount: 168750,
        taxRate: "15",
        amount: 168750,
        taxAmount: 25313,
      },
    ]);
    expect(preview).toMatchObject({ subtotalAmount: 668750, taxAmount: 100313, totalAmount: 769063 });
  });

  it("describes deposit lines with their percentage and bills them as one unit", () => {
    const preview = previewInvoice({ portion: "deposit", currency: "NZD", taxMode: "exclusive", lines });
    expect(preview.lines).toEqual([
      {
        productLineId: "pl_web",
        description: "Website build — Deposit 30%",
        quantity: "1",
        unitAmount: 150000,
        taxRate: "15",
        amount: 150000,
        taxAmount: 22500,
      },
    ]);
    expect(preview.totalAmount).toBe(172500);
  });

  it("describes balance lines as the balance and bills the remainder", () => {
    const afterDeposit = { ...website, status: "deposit_invoiced" as const, depositsInvoicedAmount: 150000 };
    const preview = previewInvoice({
      portion: "balance",
      currency: "NZD",
      taxMode: "exclusive",
      lines: [afterDeposit],
    });
    expect(preview.lines[0]).toMatchObject({ description: "Website build — Balance", quantity: "1", amount: 350000 });
  });

  it("takes tax out of tax-inclusive amounts and keeps the unit amount gross", () => {
    const preview = previewInvoice({ portion: "full", currency: "NZD", taxMode: "inclusive", lines: [website] });
    expect(preview.lines[0]).toMatchObject({ unitAmount: 500000, amount: 434783, taxAmount: 65217 });
    expect(preview).toMatchObject({ subtotalAmount: 434783, taxAmount: 65217, totalAmount: 500000 });
  });

  it("warns double_billing on an explicitly ticked invoiced line and keeps the selection order of the card", () => {
    const preview = previewInvoice({
      portion: "full",
      currency: "NZD",
      taxMode: "exclusive",
      lines,
      selectedLineIds: ["pl_host", "pl_web", "pl_web"],
    });
    expect(preview.lines.map((line) => [line.productLineId, line.warning])).toEqual([
      ["pl_web", undefined],
      ["pl_host", "double_billing"],
    ]);
    expect(preview.lines[1]).toMatchObject({ quantity: "12", unitAmount: 2500, amount: 30000 });
  });

  it("bills an empty selection as a zero invoice", () => {
    const preview = previewInvoice({
      portion: "full",
      currency: "JPY",
      taxMode: "exclusive",
      lines,
      selectedLineIds: [],
    });
    expect(preview).toMatchObject({ lines: [], subtotalAmount: 0, taxAmount: 0, totalAmount: 0 });
  });

  it("appends free-form lines after product lines, billed as typed", () => {
    const preview = previewInvoice({
      portion: "deposit",
      currency: "KWD",
      taxMode: "exclusive",
      lines: [],
      freeLines: [{ description: "Call-out fee", quantity: "2.50", unitAmount: 1333, taxRate: "5" }],
    });
    // 2.5 × 1.333 = 3.3325 → 3.333; tax 5% = 0.16665 → 0.167
    expect(preview.lines).toEqual([
      {
        productLineId: null,
        description: "Call-out fee",
        quantity: "2.5",
        unitAmount: 1333,
        taxRate: "5",
        amount: 3333,
        taxAmount: 167,
      },
    ]);
    expect(preview.totalAmount).toBe(3500);
  });

  it("refuses an unknown selected line, naming it", () => {
    const act = () =>
      previewInvoice({ portion: "full", currency: "NZD", taxMode: "exclusive", lines, selectedLineIds: ["pl_nope"] });
    expect(act).toThrow(EngineError);
    expect(act).toThrow(/pl_nope/);
    try {
      act();
    } catch (error) {
      expect(error).toMatchObject({ code: "unknown_line", lineId: "pl_nope" });
    }
  });

  it("refuses an unknown currency", () => {
    expect(() => previewInvoice({ portion: "full", currency: "ZZZ", taxMode: "exclusive", lines })).toThrow(MoneyError);
  });

  it("refuses an invalid selected line but ignores invalid lines that are not selected", () => {
    const broken = makeLine("pl_broken", "invoiced", { quantity: "-2" });
    const base = { portion: "full" as const, currency: "NZD", taxMode: "exclusive" as const, lines: [website, broken] };
    expect(previewInvoice(base).lines).toHaveLength(1);
    expect(() => previewInvoice({ ...base, selectedLineIds: ["pl_broken"] })).toThrow(/Line pl_broken/);
  });
});

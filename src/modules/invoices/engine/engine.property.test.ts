import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineAmount, sumMinor } from "../../../lib/money.ts";
import { promotedStatus } from "../../billing/index.ts";
import { lineTax } from "./line-tax.ts";
import { lineTotal } from "./line-total.ts";
import { portionAmount } from "./portion-amount.ts";
import { preselect } from "./preselect.ts";
import { previewInvoice } from "./preview-invoice.ts";
import { statusProposedByPortion } from "./status-proposed-by-portion.ts";
import { currencyArb, freeLineArb, lineArb, linesArb, taxModeArb } from "./test-support.ts";
import { type EngineLine, PORTIONS, type Portion } from "./types.ts";

const portionArb = fc.constantFrom(...PORTIONS);

describe("engine properties", () => {
  it("splits every line exactly: deposit + balance = line total, neither negative", () => {
    fc.assert(
      fc.property(lineArb(fc.constant("unpaid")), (line) => {
        const fresh = { ...line, depositsInvoicedAmount: 0 };
        const deposit = portionAmount("deposit", fresh).amount;
        const afterDeposit = { ...fresh, status: "deposit_invoiced" as const, depositsInvoicedAmount: deposit };
        const balance = portionAmount("balance", afterDeposit).amount;
        expect(deposit).toBeGreaterThanOrEqual(0);
        expect(balance).toBeGreaterThanOrEqual(0);
        expect(deposit + balance).toBe(lineTotal(line));
      }),
    );
  });

  it("totals every preview as exact sums of its lines, with subtotal + tax = total", () => {
    fc.assert(
      fc.property(
        portionArb,
        currencyArb,
        taxModeArb,
        linesArb(),
        fc.array(freeLineArb, { maxLength: 3 }),
        fc.option(fc.func(fc.boolean()), { nil: undefined }),
        (portion, currency, taxMode, lines, freeLines, pick) => {
          const selectedLineIds = pick && lines.filter((line) => pick(line.id)).map((line) => line.id);
          const preview = previewInvoice({ portion, currency, taxMode, lines, freeLines, selectedLineIds });
          expect(preview.subtotalAmount).toBe(sumMinor(preview.lines.map((line) => line.amount)));
          expect(preview.taxAmount).toBe(sumMinor(preview.lines.map((line) => line.taxAmount)));
          expect(preview.totalAmount).toBe(preview.subtotalAmount + preview.taxAmount);
          const chosen = new Set(selectedLineIds ?? preselect(portion, lines));
          const billedProducts = lines
            .filter((line) => chosen.has(line.id))
            .map((l) => portionAmount(portion, l).amount);
          const billedFree = freeLines.map((line) => lineAmount(line.unitAmount, line.quantity));
          const billed = sumMinor([...billedProducts, ...billedFree]);
          expect(taxMode === "inclusive" ? preview.totalAmount : preview.subtotalAmount).toBe(billed);
          expect(preview.lines).toHaveLength(chosen.size + freeLines.length);
        },
      ),
    );
  });

  it("never produces a negative amount or tax, whatever the line's state", () => {
    fc.assert(
      fc.property(portionArb, taxModeArb, linesArb(), (portion, taxMode, lines) => {
        const selectedLineIds = lines.map((line) => line.id);
        const preview = previewInvoice({ portion, currency: "USD", taxMode, lines, selectedLineIds });
        for (const line of preview.lines) {
          expect(line.amount).toBeGreaterThanOrEqual(0);
          expect(line.taxAmount).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("states quantity × unit amount as exactly the billed amount in the invoice's tax mode", () => {
    fc.assert(
      fc.property(portionArb, taxModeArb, linesArb(), (portion, taxMode, lines) => {
        const selectedLineIds = lines.map((line) => line.id);
        const preview = previewInvoice({ portion, currency: "EUR", taxMode, lines, selectedLineIds });
        for (const line of preview.lines) {
          const billed = taxMode === "inclusive" ? line.amount + line.taxAmount : line.amount;
          expect(lineAmount(line.unitAmount, line.quantity)).toBe(billed);
        }
      }),
    );
  });

  it("splits tax-inclusive amounts into net + tax = amount and never adds tax below zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), freeLineArb, taxModeArb, (amount, { taxRate }, taxMode) => {
        const { net, tax } = lineTax(amount, taxRate, taxMode);
        expect(tax).toBeGreaterThanOrEqual(0);
        expect(net).toBeLessThanOrEqual(amount);
        expect(taxMode === "inclusive" ? net + tax : net).toBe(amount);
      }),
    );
  });

  it("never pre-selects a line twice as invoices are issued, and bills each line at most once in full", () => {
    fc.assert(
      fc.property(
        linesArb(fc.constant("unpaid")),
        fc.array(portionArb, { minLength: 1, maxLength: 8 }),
        taxModeArb,
        (initial, portions, taxMode) => {
          let lines: EngineLine[] = initial.map((line) => ({ ...line, depositsInvoicedAmount: 0 }));
          const history = new Map<string, Portion[]>(lines.map((line) => [line.id, []]));
          const billed = new Map<string, number>(lines.map((line) => [line.id, 0]));
          for (const portion of portions) {
            const preview = previewInvoice({ portion, currency: "GBP", taxMode, lines });
            lines = lines.map((line) => {
              const invoiced = preview.lines.find((p) => p.productLineId === line.id);
              if (!invoiced) return line;
              expect(invoiced.warning).not.toBe("double_billing");
              const gross = taxMode === "inclusive" ? invoiced.amount + invoiced.taxAmount : invoiced.amount;
              history.get(line.id)?.push(portion);
              billed.set(line.id, (billed.get(line.id) ?? 0) + gross);
              return {
                ...line,
                status: promotedStatus(line.status, statusProposedByPortion(portion)),
                depositsInvoicedAmount: line.depositsInvoicedAmount + (portion === "deposit" ? gross : 0),
              };
            });
          }
          for (const line of lines) {
            const sequence = (history.get(line.id) ?? []).join(",");
            expect(["", "full", "ongoing", "deposit", "deposit,balance"]).toContain(sequence);
            const total = lineTotal(line);
            expect(billed.get(line.id)).toBeLessThanOrEqual(total);
            if (line.status === "invoiced") expect(billed.get(line.id)).toBe(total);
          }
        },
      ),
    );
  });
});

import { assertMinor, compareDecimal, MoneyError, toDecimal } from "../../../lib/money.ts";
import { EngineError } from "./engine-error.ts";

type CheckedFields = {
  quantity?: string;
  unitAmount?: number;
  discountPercent?: string;
  taxRate?: string;
  depositPercent?: string;
  depositsInvoicedAmount?: number;
};

const HUNDRED = toDecimal("100");
const ZERO = toDecimal("0");
const PERCENT_FIELDS = new Set(["discountPercent", "depositPercent"]);

/** Negative inputs are refused rather than clamped: amounts on Settle invoices are never negative. */
export function assertLineFields(fields: CheckedFields, lineId?: string): void {
  const where = lineId === undefined ? "" : `Line ${lineId}: `;
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    try {
      if (typeof value === "number") {
        assertMinor(value, field);
        if (value < 0) throw new MoneyError(`${field} must not be negative, got ${value}.`);
        continue;
      }
      const decimal = toDecimal(value, field);
      if (compareDecimal(decimal, ZERO) < 0) throw new MoneyError(`${field} must not be negative, got ${value}.`);
      if (PERCENT_FIELDS.has(field) && compareDecimal(decimal, HUNDRED) > 0) {
        throw new MoneyError(`${field} must be at most 100, got ${value}.`);
      }
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      throw new EngineError("invalid_line", `${where}${error.message}`, lineId);
    }
  }
}

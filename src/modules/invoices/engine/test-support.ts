// Test-only fixtures and fast-check generators for engine inputs; not exported from index.ts.
import fc from "fast-check";
import { formatDecimal } from "../../../lib/money.ts";
import { type EngineLine, type FreeLine, PAYMENT_STATUSES, type PaymentStatus, TAX_MODES } from "./types.ts";

/** A decimal string in [0, max] with up to four places, sometimes with trailing zeros. */
export function decimalString(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean())
    .map(([scale, fraction, pad]) => {
      const coefficient = BigInt(Math.floor(fraction * max * 10 ** scale));
      const text = formatDecimal({ coefficient, scale });
      return pad && !text.includes(".") ? `${text}.00` : text;
    });
}

export const currencyArb = fc.constantFrom("USD", "EUR", "JPY", "KWD", "BHD", "KRW");
export const taxModeArb = fc.constantFrom(...TAX_MODES);
export const statusArb = fc.constantFrom(...PAYMENT_STATUSES);

export function lineArb(status: fc.Arbitrary<PaymentStatus> = statusArb): fc.Arbitrary<EngineLine> {
  return fc.record({
    id: fc.uuid(),
    description: fc.constantFrom("Website build", "Hosting", "Audit"),
    status,
    quantity: decimalString(1_000),
    unitAmount: fc.integer({ min: 0, max: 100_000_000 }),
    discountPercent: fc.oneof(fc.constant("0"), decimalString(100)),
    taxRate: fc.oneof(fc.constantFrom("0", "10", "15", "20", "12.5"), decimalString(50)),
    depositPercent: fc.oneof(fc.constantFrom("0", "30", "50", "100"), decimalString(100)),
    billing: fc.constantFrom("one_off" as const, "recurring" as const),
    depositsInvoicedAmount: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200_000_000_000 })),
  });
}

export function linesArb(status?: fc.Arbitrary<PaymentStatus>): fc.Arbitrary<EngineLine[]> {
  return fc.uniqueArray(lineArb(status), { maxLength: 8, selector: (line) => line.id });
}

export const freeLineArb: fc.Arbitrary<FreeLine> = fc.record({
  description: fc.constant("Call-out fee"),
  quantity: decimalString(100),
  unitAmount: fc.integer({ min: 0, max: 10_000_000 }),
  taxRate: decimalString(30),
});

export function makeLine(id: string, status: PaymentStatus, extra: Partial<EngineLine> = {}): EngineLine {
  return {
    id,
    description: id,
    status,
    quantity: "1",
    unitAmount: 10000,
    discountPercent: "0",
    taxRate: "0",
    depositPercent: "30",
    billing: "one_off",
    depositsInvoicedAmount: 0,
    ...extra,
  };
}

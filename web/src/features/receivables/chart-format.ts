import { currencyExponent, formatMoney } from "../../lib/money.ts";

const compact = new Map<string, Intl.NumberFormat>();

/**
 * An axis tick such as "$12K". Only for chart axes, where a rounded figure reads faster; every table beside a
 * chart shows the exact amount through formatMoney.
 */
export function axisMoney(minor: number, currency: string): string {
  let formatter = compact.get(currency);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(undefined, { style: "currency", currency, notation: "compact" });
    } catch {
      return String(minor);
    }
    compact.set(currency, formatter);
  }
  return formatter.format(minor / 10 ** currencyExponent(currency));
}

/** A tooltip's value: exact, from minor units. */
export function tooltipMoney(currency: string) {
  return (value: unknown) => (typeof value === "number" ? formatMoney(value, currency) : String(value));
}

/** "2026-03" → "Mar 2026" in the reader's locale. */
export function monthLabel(month: string): string {
  const date = new Date(`${month}-01T00:00:00`);
  return Number.isNaN(date.getTime())
    ? month
    : new Intl.DateTimeFormat(undefined, { month: "short", year: "numeric" }).format(date);
}

/** The 12 months (YYYY-MM) ending with the report's day, oldest first. */
export function lastTwelveMonths(asOf: string): string[] {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  return Array.from({ length: 12 }, (_, i) => {
    const index = year * 12 + (month - 1) - (11 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

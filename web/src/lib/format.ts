import { formatDecimal, parseDecimal } from "./decimal.ts";

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) {
    return "—";
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** 12.5 or "12.50" → "12.5%": the exact decimal the server stores, never re-rounded through a float. */
export function formatPercent(value: number | string | null | undefined): string {
  const parsed = parseDecimal(String(value ?? 0));
  return `${parsed ? formatDecimal(parsed) : "0"}%`;
}

/** "opportunities:read" → { area: "opportunities", action: "read" }. */
export function splitScope(scope: string): { area: string; action: string } {
  const [area = scope, action = ""] = scope.split(":");
  return { area, action };
}

export function humanise(text: string): string {
  const spaced = text.replace(/_/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** "2026-11-23" → "23 Nov 2026" in the reader's locale; dates are calendar days, so no time zone shift. */
export function formatDate(day: string | null | undefined): string {
  if (!day) {
    return "—";
  }
  const date = new Date(`${day.slice(0, 10)}T00:00:00`);
  return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(date);
}

/** Today as YYYY-MM-DD in the reader's time zone. */
export function todayIso(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

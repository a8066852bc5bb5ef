/** Calendar dates are kept as "YYYY-MM-DD" strings; instants as epoch milliseconds. */

const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function msDate(dayOrMs: string | number): string {
  const ms = typeof dayOrMs === "number" ? dayOrMs : Date.parse(`${dayOrMs}T00:00:00Z`);
  return `/Date(${ms}+0000)/`;
}

/** The instant form Xero uses for UpdatedDateUTC and DateTimeUTC. */
export function msInstant(ms: number): string {
  return `/Date(${ms})/`;
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export function dayString(day: string): string {
  return `${day}T00:00:00`;
}

/** Accepts what Xero accepts in request bodies: YYYY-MM-DD, ISO date-times and /Date(ms)/. */
export function parseRequestDay(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const ms = MS_DATE.exec(value);
  if (ms?.[1]) return new Date(Number(ms[1])).toISOString().slice(0, 10);
  const iso = ISO_DAY.exec(value);
  if (!iso) return undefined;
  const day = `${iso[1]}-${iso[2]}-${iso[3]}`;
  return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? undefined : day;
}

export function todayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds months keeping the anchor day, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number, anchorDay?: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = endOfMonthDate(target.getUTCFullYear(), target.getUTCMonth());
  target.setUTCDate(Math.min(anchorDay ?? d, last));
  return target.toISOString().slice(0, 10);
}

export function endOfMonth(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const last = endOfMonthDate(y, m - 1);
  return `${day.slice(0, 7)}-${String(last).padStart(2, "0")}`;
}

function endOfMonthDate(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

export function dayToMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

import type { Interval } from "../resources/prices.ts";

export interface Recurring {
  interval: Interval;
  interval_count: number;
}

const DAY_SECONDS = 86_400;

/**
 * The end of the `n`th period after `anchor` (seconds since the epoch), as Stripe bills: days and weeks are
 * fixed lengths; months and years keep the anchor's day and time of day, clamped to the month's last day
 * (an anchor on 31 January renews on 28 or 29 February, then on 31 March).
 */
export function periodBoundary(anchor: number, recurring: Recurring, n: number): number {
  const steps = recurring.interval_count * n;
  if (recurring.interval === "day") return anchor + steps * DAY_SECONDS;
  if (recurring.interval === "week") return anchor + steps * 7 * DAY_SECONDS;
  const months = recurring.interval === "year" ? steps * 12 : steps;
  const start = new Date(anchor * 1000);
  const targetMonth = start.getUTCMonth() + months;
  const year = start.getUTCFullYear() + Math.floor(targetMonth / 12);
  const month = ((targetMonth % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), lastDay);
  const at = Date.UTC(
    year,
    month,
    day,
    start.getUTCHours(),
    start.getUTCMinutes(),
    start.getUTCSeconds(),
    start.getUTCMilliseconds(),
  );
  return Math.floor(at / 1000);
}

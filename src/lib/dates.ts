import { z } from "zod";

/**
 * The calendar dates Settle accepts. PostgreSQL's date column refuses year 0 (a 500 if it got that far) and
 * takes years up to 5874897 that no invoice means; both ends are refused here, before any column or vendor.
 */
export const MIN_DATE = "1900-01-01";
export const MAX_DATE = "2999-12-31";

const message = `must be a real date as YYYY-MM-DD, from ${MIN_DATE} to ${MAX_DATE}`;

/**
 * Every date a request may carry goes through this one schema, on every transport. Fixed-width YYYY-MM-DD
 * strings compare in calendar order, so the range check is a string comparison.
 */
export const IsoDate = z.iso
  .date({ error: message, abort: true })
  .refine((date) => date >= MIN_DATE && date <= MAX_DATE, { error: message });

/** The calendar day it is at `now` in `timeZone` (IANA; null → UTC), as YYYY-MM-DD. */
export function todayIn(timeZone: string | null, now: Date): string {
  try {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat("en-CA", { timeZone: timeZone ?? "UTC" }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

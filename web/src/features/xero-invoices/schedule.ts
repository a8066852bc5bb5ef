import type { XeroSchedule } from "../../lib/types.ts";

export type ScheduleUnit = "week" | "month" | "year";
export type DueType = XeroSchedule["due"]["type"];

/** The repeating form as typed: text inputs stay text until the schedule is built. */
export type ScheduleDraft = {
  every: string;
  unit: ScheduleUnit;
  startDate: string;
  endDate: string;
  dueType: DueType;
  dueDay: string;
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function wholeNumber(text: string): number | null {
  return /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/**
 * The API's schedule, or why it cannot be built yet. Xero repeats by weeks or months only, so "every N years"
 * is sent as every 12×N months.
 */
export function toSchedule(draft: ScheduleDraft): { schedule: XeroSchedule } | { problem: string } {
  const every = wholeNumber(draft.every);
  const months = draft.unit === "year";
  const period = every === null ? null : months ? every * 12 : every;
  if (period === null || period < 1 || period > 99) {
    return { problem: months ? "Repeat every 1 to 8 years." : `Repeat every 1 to 99 ${draft.unit}s.` };
  }
  if (!ISO_DAY.test(draft.startDate)) return { problem: "Choose the date of the first invoice." };
  if (draft.endDate && draft.endDate < draft.startDate) return { problem: "The end date is before the first invoice." };
  const day = wholeNumber(draft.dueDay);
  if (day === null) return { problem: "Enter the due day as a whole number." };
  if (draft.dueType === "day_of_following_month" && (day < 1 || day > 31)) {
    return { problem: "The due day of the month is 1 to 31." };
  }
  return {
    schedule: {
      unit: months ? "month" : draft.unit === "week" ? "week" : "month",
      every: period,
      start_date: draft.startDate,
      ...(draft.endDate ? { end_date: draft.endDate } : {}),
      due: { type: draft.dueType, day },
    },
  };
}

/** "2026-12-03" → "3 Dec 2026", the form Settle's schedule summaries use whatever the reader's locale. */
export function scheduleDay(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** "First invoice on 3 Dec 2026, then every 2 weeks": the same sentence the server stores as the summary. */
export function describeSchedule(schedule: {
  unit: XeroSchedule["unit"];
  every: number;
  start_date: string;
  end_date?: string | null | undefined;
}): string {
  const { unit, every } = schedule;
  const period =
    unit === "month" && every === 12 ? "every year" : every === 1 ? `every ${unit}` : `every ${every} ${unit}s`;
  const until = schedule.end_date ? ` until ${scheduleDay(schedule.end_date)}` : "";
  return `First invoice on ${scheduleDay(schedule.start_date)}, then ${period}${until}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

/** "Each invoice is due 14 days after its date" or "… due on the 20th of the following month". */
export function describeDue(due: XeroSchedule["due"]): string {
  if (due.type === "day_of_following_month")
    return `Each invoice is due on the ${ordinal(due.day)} of the following month`;
  if (due.day === 0) return "Each invoice is due on its date";
  return `Each invoice is due ${due.day} ${due.day === 1 ? "day" : "days"} after its date`;
}

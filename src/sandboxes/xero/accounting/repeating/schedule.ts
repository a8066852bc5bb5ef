import { addDays, addMonths, endOfMonth } from "../../core/dates.ts";
import type { ScheduleRecord } from "../../state/types.ts";

/** The date of the n-th generated invoice (0-based), anchored on the start date. */
export function occurrenceDate(schedule: ScheduleRecord, n: number): string {
  if (schedule.unit === "WEEKLY") return addDays(schedule.startDate, 7 * schedule.period * n);
  const anchor = Number(schedule.startDate.slice(8, 10));
  return addMonths(schedule.startDate, schedule.period * n, anchor);
}

export function nextScheduledDate(schedule: ScheduleRecord): string | undefined {
  const next = occurrenceDate(schedule, schedule.occurrences);
  return schedule.endDate && next > schedule.endDate ? undefined : next;
}

/** Due date of a generated invoice from the schedule's DueDate/DueDateType pair. */
export function dueDateFor(invoiceDate: string, dueDate: number, dueDateType: string): string {
  switch (dueDateType) {
    case "DAYSAFTERBILLDATE":
    case "DAYSAFTERINVOICEDATE":
      return addDays(invoiceDate, dueDate);
    case "DAYSAFTERBILLMONTH":
    case "DAYSAFTERINVOICEMONTH":
      return addDays(endOfMonth(invoiceDate), dueDate);
    case "OFCURRENTMONTH":
      return addMonths(`${invoiceDate.slice(0, 7)}-01`, 0, dueDate);
    default:
      return addMonths(`${invoiceDate.slice(0, 7)}-01`, 1, dueDate);
  }
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Xero's reference placeholders: [Week], [Month], [Year] (with +/- offsets not supported). */
export function expandPlaceholders(text: string | undefined, invoiceDate: string): string | undefined {
  if (!text) return text;
  const date = new Date(`${invoiceDate}T00:00:00Z`);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return text
    .replaceAll("[Week]", String(week))
    .replaceAll("[Month]", MONTHS[date.getUTCMonth()] ?? "")
    .replaceAll("[Year]", String(date.getUTCFullYear()));
}

import type { SandboxContext } from "../../context.ts";
import { parseRequestDay } from "../../core/dates.ts";
import { newId } from "../../core/ids.ts";
import { bool, list, num, obj, str, type WireObject } from "../../core/wire-input.ts";
import type { LineAmountTypes, OrganisationRecord, RepeatingInvoiceRecord, ScheduleRecord } from "../../state/types.ts";
import { resolveContact } from "../invoices/invoice-contact.ts";
import { buildLines, totalsOf } from "../invoices/invoice-lines.ts";

export type RepeatingResult = { ok: true; repeating: RepeatingInvoiceRecord } | { ok: false; errors: string[] };

const DUE_DATE_TYPES = [
  "DAYSAFTERBILLDATE",
  "DAYSAFTERBILLMONTH",
  "DAYSAFTERINVOICEDATE",
  "DAYSAFTERINVOICEMONTH",
  "OFCURRENTMONTH",
  "OFFOLLOWINGMONTH",
];
const AMOUNT_TYPES: Record<string, LineAmountTypes> = {
  exclusive: "Exclusive",
  inclusive: "Inclusive",
  notax: "NoTax",
};

export function createRepeatingInvoice(
  ctx: SandboxContext,
  org: OrganisationRecord,
  input: WireObject,
): RepeatingResult {
  const errors: string[] = [];
  const type = str(input, "Type");
  if (type !== "ACCREC" && type !== "ACCPAY") errors.push("Type must be ACCREC or ACCPAY.");
  const status = str(input, "Status") ?? "DRAFT";
  if (status !== "DRAFT" && status !== "AUTHORISED") errors.push("Status must be DRAFT or AUTHORISED.");
  const contact = resolveContact(ctx, org, input);
  if (!contact.ok) errors.push(contact.error);
  const schedule = readSchedule(obj(input, "Schedule"), errors);
  const amountTypes = AMOUNT_TYPES[(str(input, "LineAmountTypes") ?? "Exclusive").toLowerCase()] ?? "Exclusive";
  const lines = buildLines(org, list(input, "LineItems") ?? [], amountTypes, 4);
  errors.push(...lines.errors);
  if (lines.lines.length === 0) errors.push("At least one line item is required.");
  const approvedForSending = bool(input, "ApprovedForSending") ?? false;
  if (approvedForSending && status !== "AUTHORISED")
    errors.push("Only approved repeating invoices can be approved for sending.");
  if (approvedForSending && contact.ok && !contact.contact.emailAddress)
    errors.push("The contact must have an email address to approve for sending.");
  const theme = str(input, "BrandingThemeID")?.toLowerCase();
  if (theme && !org.brandingThemes.some((t) => t.brandingThemeId === theme))
    errors.push("Branding theme must be valid.");
  if (errors.length > 0 || !schedule || !contact.ok) return { ok: false, errors };
  const repeatingInvoiceId = newId();
  const repeating: RepeatingInvoiceRecord = {
    repeatingInvoiceId,
    type: type === "ACCPAY" ? "ACCPAY" : "ACCREC",
    contactId: contact.contact.contactId,
    schedule,
    lineItems: lines.lines,
    lineAmountTypes: amountTypes,
    reference: str(input, "Reference"),
    brandingThemeId: theme,
    currencyCode: org.baseCurrency,
    status: status === "AUTHORISED" ? "AUTHORISED" : "DRAFT",
    ...pickTotals(totalsOf(lines.lines, amountTypes)),
    approvedForSending,
    sendCopy: bool(input, "SendCopy") ?? false,
    markAsSent: bool(input, "MarkAsSent") ?? false,
    includePdf: bool(input, "IncludePDF") ?? false,
  };
  org.repeatingInvoices[repeatingInvoiceId] = repeating;
  ctx.store.changed();
  return { ok: true, repeating };
}

/** The API only supports soft-deleting a template (Status DELETED). */
export function updateRepeatingInvoice(
  ctx: SandboxContext,
  repeating: RepeatingInvoiceRecord,
  input: WireObject,
): RepeatingResult {
  if (str(input, "Status") !== "DELETED")
    return { ok: false, errors: ["Repeating invoices can only be deleted through the API (Status DELETED)."] };
  repeating.status = "DELETED";
  ctx.store.changed();
  return { ok: true, repeating };
}

function pickTotals(totals: { subTotal: number; totalTax: number; total: number }) {
  return { subTotal: totals.subTotal, totalTax: totals.totalTax, total: totals.total };
}

function readSchedule(input: WireObject | undefined, errors: string[]): ScheduleRecord | undefined {
  if (!input) {
    errors.push("A Schedule must be specified.");
    return undefined;
  }
  const period = num(input, "Period") ?? 0;
  const unit = str(input, "Unit");
  const dueDate = num(input, "DueDate") ?? 0;
  const dueDateType = str(input, "DueDateType") ?? "";
  const startDate = parseRequestDay(input.StartDate);
  const endDate = input.EndDate === undefined ? undefined : parseRequestDay(input.EndDate);
  const before = errors.length;
  if (!Number.isInteger(period) || period < 1) errors.push("Schedule Period must be a whole number of 1 or more.");
  if (unit !== "WEEKLY" && unit !== "MONTHLY") errors.push("Schedule Unit must be WEEKLY or MONTHLY.");
  if (!DUE_DATE_TYPES.includes(dueDateType)) errors.push("Schedule DueDateType is not valid.");
  if (!startDate) errors.push("Schedule StartDate must be a valid date.");
  if (input.EndDate !== undefined && !endDate) errors.push("Schedule EndDate must be a valid date.");
  if (startDate && endDate && endDate < startDate) errors.push("Schedule EndDate must be on or after the StartDate.");
  const dayOfMonth = dueDateType === "OFCURRENTMONTH" || dueDateType === "OFFOLLOWINGMONTH";
  if (!Number.isInteger(dueDate) || dueDate < (dayOfMonth ? 1 : 0) || (dayOfMonth && dueDate > 31))
    errors.push("Schedule DueDate is not valid for the DueDateType.");
  if (errors.length > before || !startDate || (unit !== "WEEKLY" && unit !== "MONTHLY")) return undefined;
  return { period, unit, dueDate, dueDateType, startDate, endDate, nextScheduledDate: startDate, occurrences: 0 };
}

import { z } from "zod";
import { IsoDate } from "../../lib/dates.ts";
import { RecordId } from "../../lib/record-id.ts";

const Id = RecordId;

/** An ongoing portion as a Xero repeating invoice (SPEC §4.5). Money comes from the engine's ongoing preview. */
export const CreateXeroRepeatingInvoiceInput = z
  .strictObject({
    line_ids: z.array(Id).max(500).optional(),
    reference: z.string().max(200).optional(),
    approval: z.enum(["draft", "approve", "approve_for_sending"]),
    account_code: z.string().trim().min(1).max(10).optional(),
    line_settings: z
      .array(
        z.strictObject({
          line_id: Id,
          account_code: z.string().trim().min(1).max(10).optional(),
          tax_type: z.string().trim().min(1).max(50).optional(),
        }),
      )
      .max(500)
      .optional(),
    branding_theme_id: z.string().min(1).max(64).optional(),
    schedule: z.strictObject({
      unit: z.enum(["week", "month"]),
      /** Every N weeks or months; yearly is every 12 months. */
      every: z.number().int().min(1).max(99),
      start_date: IsoDate,
      end_date: IsoDate.optional(),
      due: z.strictObject({
        type: z.enum(["days_after_invoice", "day_of_following_month"]),
        day: z.number().int().min(0).max(365),
      }),
    }),
  })
  .superRefine((input, issues) => {
    const { schedule } = input;
    if (schedule.end_date && schedule.end_date < schedule.start_date) {
      issues.addIssue({ code: "custom", path: ["schedule", "end_date"], message: "must not be before start_date" });
    }
    if (schedule.due.type === "day_of_following_month" && (schedule.due.day < 1 || schedule.due.day > 31)) {
      issues.addIssue({
        code: "custom",
        path: ["schedule", "due", "day"],
        message: "must be a day of the month, 1 to 31",
      });
    }
  });
export type CreateXeroRepeatingInvoiceInput = z.input<typeof CreateXeroRepeatingInvoiceInput>;

export const CreateXeroRepeatingInvoiceCommand = CreateXeroRepeatingInvoiceInput.safeExtend({
  opportunity_id: RecordId,
});
export type CreateXeroRepeatingInvoiceCommand = z.input<typeof CreateXeroRepeatingInvoiceCommand>;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "First invoice on 3 Dec 2026, then every 2 weeks (until 3 Dec 2027)", as the schedule reads to a member. */
export function describeSchedule(s: {
  unit: "week" | "month";
  every: number;
  startDate: string;
  endDate: string | null;
}) {
  const day = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number);
    return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
  };
  const period =
    s.unit === "month" && s.every === 12
      ? "every year"
      : s.every === 1
        ? `every ${s.unit}`
        : `every ${s.every} ${s.unit}s`;
  return `First invoice on ${day(s.startDate)}, then ${period}${s.endDate ? ` until ${day(s.endDate)}` : ""}`;
}

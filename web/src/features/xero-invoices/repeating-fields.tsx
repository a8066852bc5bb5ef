import { Field } from "../../components/ui/field.tsx";
import type { ApiError } from "../../lib/api.ts";
import type { XeroApproval } from "../../lib/types.ts";
import {
  type DueType,
  describeDue,
  describeSchedule,
  type ScheduleDraft,
  type ScheduleUnit,
  toSchedule,
} from "./schedule.ts";

export type Repeating = { schedule: ScheduleDraft; approval: XeroApproval; reference: string };
export const REPEATING_FIELDS = ["schedule", "every", "start_date", "end_date", "day", "approval", "reference"];

const APPROVALS: { value: XeroApproval; label: string; hint: string }[] = [
  { value: "draft", label: "Save as draft", hint: "Xero raises draft invoices for you to approve" },
  { value: "approve", label: "Approve", hint: "approved invoices; nobody is emailed" },
  { value: "approve_for_sending", label: "Approve for sending", hint: "approved and emailed to the contact by Xero" },
];

type Props = { value: Repeating; onChange: (next: Repeating) => void; error: ApiError | null };

/** Every N weeks, months or years; first invoice date with its sentence; end date; due rule; approval. */
export function RepeatingFields({ value, onChange, error }: Props) {
  const s = value.schedule;
  const setSchedule = (patch: Partial<ScheduleDraft>) => onChange({ ...value, schedule: { ...s, ...patch } });
  const built = toSchedule(s);
  return (
    <section className="form-section" data-testid="repeating-fields">
      <h3>Schedule</h3>
      <div className="grid-2">
        <Field label="Repeat every" error={error?.issueFor("every")}>
          {(id) => (
            <span className="inline">
              <input
                id={id}
                type="number"
                min="1"
                max={s.unit === "year" ? 8 : 99}
                step="1"
                className="narrow"
                value={s.every}
                onChange={(e) => setSchedule({ every: e.target.value })}
                data-testid="schedule-every"
              />
              <select
                aria-label="Period"
                value={s.unit}
                onChange={(e) => setSchedule({ unit: e.target.value as ScheduleUnit })}
                data-testid="schedule-unit"
              >
                <option value="week">week(s)</option>
                <option value="month">month(s)</option>
                <option value="year">year(s)</option>
              </select>
            </span>
          )}
        </Field>
        <Field label="First invoice date" error={error?.issueFor("start_date")}>
          {(id) => (
            <input
              id={id}
              type="date"
              required
              value={s.startDate}
              onChange={(e) => setSchedule({ startDate: e.target.value })}
              data-testid="schedule-start"
            />
          )}
        </Field>
        <Field
          label="End date"
          error={error?.issueFor("end_date")}
          hint="Optional: leave empty to repeat until stopped"
        >
          {(id, describedBy) => (
            <input
              id={id}
              type="date"
              min={s.startDate}
              aria-describedby={describedBy}
              value={s.endDate}
              onChange={(e) => setSchedule({ endDate: e.target.value })}
              data-testid="schedule-end"
            />
          )}
        </Field>
        <Field label="Due" error={error?.issueFor("day")}>
          {(id) => (
            <span className="inline">
              <input
                id={id}
                type="number"
                min={s.dueType === "day_of_following_month" ? 1 : 0}
                max={s.dueType === "day_of_following_month" ? 31 : 365}
                step="1"
                className="narrow"
                value={s.dueDay}
                onChange={(e) => setSchedule({ dueDay: e.target.value })}
                data-testid="schedule-due-day"
              />
              <select
                aria-label="Due date rule"
                value={s.dueType}
                onChange={(e) => setSchedule({ dueType: e.target.value as DueType })}
                data-testid="schedule-due-type"
              >
                <option value="days_after_invoice">days after the invoice date</option>
                <option value="day_of_following_month">of the following month</option>
              </select>
            </span>
          )}
        </Field>
      </div>
      {"schedule" in built ? (
        <div className="schedule-preview">
          <p className="strong" data-testid="schedule-sentence">
            {describeSchedule(built.schedule)}
          </p>
          <p className="muted small" data-testid="schedule-due-sentence">
            {describeDue(built.schedule.due)}.
          </p>
        </div>
      ) : (
        <p className="field-error" role="alert" data-testid="schedule-problem">
          {built.problem}
        </p>
      )}
      <p className="muted small">
        Xero raises and delivers every invoice from this template on its own schedule; stop it in Xero or delete it
        here.
      </p>
      <fieldset className="radio-group" data-testid="repeating-approval">
        <legend>When Xero raises each invoice</legend>
        {APPROVALS.map((a) => (
          <label key={a.value} className="check">
            <input
              type="radio"
              name="repeating-approval"
              checked={value.approval === a.value}
              onChange={() => onChange({ ...value, approval: a.value })}
              data-testid={`approval-${a.value}`}
            />
            {a.label} <span className="muted small">{a.hint}</span>
          </label>
        ))}
      </fieldset>
      <Field label="Reference" error={error?.issueFor("reference")}>
        {(id) => (
          <input
            id={id}
            maxLength={200}
            value={value.reference}
            onChange={(e) => onChange({ ...value, reference: e.target.value })}
            data-testid="repeating-reference"
          />
        )}
      </Field>
    </section>
  );
}

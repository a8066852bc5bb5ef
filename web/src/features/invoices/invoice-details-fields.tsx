import { Field } from "../../components/ui/field.tsx";
import type { ApiError } from "../../lib/api.ts";

export type InvoiceDetails = { issueDate: string; dueDate: string; reference: string; notes: string };
export const DETAIL_FIELDS = ["issue_date", "due_date", "reference", "notes"];

type Props = { value: InvoiceDetails; onChange: (next: InvoiceDetails) => void; error: ApiError | null };

/** Issue date, due date, reference and notes of a new invoice. */
export function InvoiceDetailsFields({ value, onChange, error }: Props) {
  const set = (key: keyof InvoiceDetails) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  return (
    <div className="grid-2">
      <Field label="Issue date" error={error?.issueFor("issue_date")}>
        {(id) => <input id={id} type="date" required value={value.issueDate} onChange={set("issueDate")} />}
      </Field>
      <Field label="Due date" error={error?.issueFor("due_date")}>
        {(id) => (
          <input
            id={id}
            type="date"
            min={value.issueDate}
            value={value.dueDate}
            onChange={set("dueDate")}
            data-testid="invoice-due-date-input"
          />
        )}
      </Field>
      <Field label="Reference" error={error?.issueFor("reference")}>
        {(id) => (
          <input
            id={id}
            maxLength={255}
            placeholder="e.g. PO number"
            value={value.reference}
            onChange={set("reference")}
            data-testid="invoice-reference-input"
          />
        )}
      </Field>
      <Field label="Notes" error={error?.issueFor("notes")}>
        {(id) => <textarea id={id} rows={1} maxLength={4000} value={value.notes} onChange={set("notes")} />}
      </Field>
    </div>
  );
}

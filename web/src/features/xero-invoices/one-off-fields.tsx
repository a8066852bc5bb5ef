import { Field } from "../../components/ui/field.tsx";
import type { ApiError } from "../../lib/api.ts";
import type { CreateXeroInvoiceBody } from "../../lib/types.ts";

export type OneOff = {
  dueDate: string;
  reference: string;
  status: CreateXeroInvoiceBody["status"];
  email: NonNullable<CreateXeroInvoiceBody["email"]>;
};
export const ONE_OFF_FIELDS = ["due_date", "reference", "status", "email"];

type Props = { value: OneOff; onChange: (next: OneOff) => void; error: ApiError | null };

/** Due date, reference, Draft or Approved, and whether Xero emails it to the contact. */
export function OneOffFields({ value, onChange, error }: Props) {
  const set = (patch: Partial<OneOff>) => onChange({ ...value, ...patch });
  const approved = value.status === "AUTHORISED";
  return (
    <>
      <div className="grid-2">
        <Field label="Due date" error={error?.issueFor("due_date")}>
          {(id) => (
            <input
              id={id}
              type="date"
              required
              value={value.dueDate}
              onChange={(e) => set({ dueDate: e.target.value })}
              data-testid="xero-due-date"
            />
          )}
        </Field>
        <Field label="Reference" error={error?.issueFor("reference")}>
          {(id) => (
            <input
              id={id}
              maxLength={200}
              placeholder="e.g. PO number"
              value={value.reference}
              onChange={(e) => set({ reference: e.target.value })}
              data-testid="xero-reference"
            />
          )}
        </Field>
      </div>
      <div className="grid-2">
        <fieldset className="radio-group" data-testid="xero-status-choice">
          <legend>Status in Xero</legend>
          <label className="check">
            <input
              type="radio"
              name="xero-status"
              checked={value.status === "DRAFT"}
              onChange={() => set({ status: "DRAFT", email: "none" })}
              data-testid="xero-status-draft"
            />
            Draft <span className="muted small">approve it later, here or in Xero</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name="xero-status"
              checked={approved}
              onChange={() => set({ status: "AUTHORISED" })}
              data-testid="xero-status-approved"
            />
            Approved <span className="muted small">awaiting payment; lines move up now</span>
          </label>
        </fieldset>
        <fieldset className="radio-group" data-testid="xero-email-choice" disabled={!approved}>
          <legend>Email</legend>
          <label className="check">
            <input
              type="radio"
              name="xero-email"
              checked={value.email === "none"}
              onChange={() => set({ email: "none" })}
              data-testid="xero-email-none"
            />
            Don't email
          </label>
          <label className="check">
            <input
              type="radio"
              name="xero-email"
              checked={value.email === "xero"}
              onChange={() => set({ email: "xero" })}
              data-testid="xero-email-xero"
            />
            Sent by Xero <span className="muted small">{approved ? "to the contact's email" : "once approved"}</span>
          </label>
        </fieldset>
      </div>
    </>
  );
}

import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import type { Invoice, InvoicePatch, Portion } from "../../lib/types.ts";
import { PORTION_LABEL, PORTIONS, STATUS_LABEL, statusChoices } from "./labels.ts";
import { usePatchInvoice } from "./use-invoice-mutations.ts";

type Props = { open: boolean; invoice: Invoice; onClose: () => void };
type EditableStatus = NonNullable<InvoicePatch["status"]>;
const FIELDS = ["status", "due_date", "reference", "portion"];

/** Only the fields that changed, so the server sees the smallest edit. */
type Form = { due_date: string; reference: string; portion: Portion; status: string };

function diff(invoice: Invoice, next: Form): InvoicePatch {
  const patch: InvoicePatch = {};
  if ((next.due_date || null) !== invoice.due_date) patch.due_date = next.due_date || null;
  if ((next.reference.trim() || null) !== invoice.reference) patch.reference = next.reference.trim() || null;
  if (next.portion !== invoice.portion) patch.portion = next.portion;
  if (next.status !== invoice.status) patch.status = next.status as EditableStatus;
  return patch;
}

/** Due date, reference, the local portion label and the status changes the invoice allows (Xero's first, in Xero). */
export function EditInvoiceDialog({ open, invoice, onClose }: Props) {
  const [dueDate, setDueDate] = useState(invoice.due_date ?? "");
  const [reference, setReference] = useState(invoice.reference ?? "");
  const [portion, setPortion] = useState<Portion>(invoice.portion);
  const [status, setStatus] = useState<string>(invoice.status);
  const save = usePatchInvoice(invoice);
  const choices = statusChoices(invoice);
  const canChangeStatus = choices.length > 1;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = diff(invoice, { due_date: dueDate, reference, portion, status });
    if (Object.keys(patch).length === 0) return onClose();
    save.mutate(patch, { onSuccess: onClose });
  };
  return (
    <Dialog open={open} title={`Edit ${invoice.number}`} onClose={onClose} testId="edit-invoice-dialog">
      <form className="form" onSubmit={submit}>
        <ErrorBanner error={save.error} shownFields={FIELDS} />
        <div className="grid-2">
          <Field label="Due date" error={save.error?.issueFor("due_date")}>
            {(id) => <input id={id} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
          </Field>
          <Field label="Reference" error={save.error?.issueFor("reference")}>
            {(id) => <input id={id} maxLength={255} value={reference} onChange={(e) => setReference(e.target.value)} />}
          </Field>
          <Field label="Portion" error={save.error?.issueFor("portion")} hint="A label in Settle only">
            {(id) => (
              <select id={id} value={portion} onChange={(e) => setPortion(e.target.value as Portion)}>
                {PORTIONS.map((p) => (
                  <option key={p} value={p}>
                    {PORTION_LABEL[p]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Status"
            error={save.error?.issueFor("status")}
            hint={canChangeStatus ? undefined : "Changes by Send, payments or Void"}
          >
            {(id) => (
              <select
                id={id}
                value={status}
                disabled={!canChangeStatus}
                onChange={(e) => setStatus(e.target.value)}
                data-testid="invoice-status-select"
              >
                {choices.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {invoice.provider === "xero" ? (
          <p className="muted small">Saved in Xero first; if Xero refuses, nothing changes here.</p>
        ) : null}
        {status === "DELETED" && invoice.status !== "DELETED" ? (
          <p className="warning">Deleting a draft keeps its number in the sequence; the invoice becomes read-only.</p>
        ) : null}
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending} data-testid="save-invoice">
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { todayIso } from "../../lib/format.ts";
import type { Opportunity } from "../../lib/types.ts";
import { ON_PAGE, useLines } from "../opportunities/queries.ts";
import { DoubleBillingConfirm } from "./double-billing-confirm.tsx";
import { FreeLinesEditor } from "./free-lines-editor.tsx";
import { DETAIL_FIELDS, type InvoiceDetails, InvoiceDetailsFields } from "./invoice-details-fields.tsx";
import { LinePicker } from "./line-picker.tsx";
import { PortionPicker } from "./portion-picker.tsx";
import { PreviewTotals } from "./preview-totals.tsx";
import { useInvoiceForm } from "./use-invoice-form.ts";
import { useCreateInvoice } from "./use-invoice-mutations.ts";

type Props = { open: boolean; opportunity: Opportunity; onClose: () => void };

const freshDetails = (): InvoiceDetails => ({ issueDate: todayIso(), dueDate: todayIso(14), reference: "", notes: "" });

/** Portion first, then the lines it pre-selects (tick or untick any), free lines, dates; creates a DRAFT. */
export function NewInvoiceDialog({ open, opportunity, onClose }: Props) {
  const toast = useToast();
  const lines = useLines(opportunity.id, ON_PAGE);
  const form = useInvoiceForm(opportunity.id, opportunity.currency, open);
  const [details, setDetails] = useState(freshDetails);
  const [confirmed, setConfirmed] = useState(false);
  const create = useCreateInvoice(opportunity.id);
  const doubled = (form.preview?.lines ?? []).filter((l) => l.warning === "double_billing");
  const needsConfirm = doubled.length > 0;
  const empty = (form.preview?.lines.length ?? 0) === 0;
  const close = () => {
    create.reset();
    form.reset();
    setDetails(freshDetails());
    setConfirmed(false);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...form.request,
      issue_date: details.issueDate,
      ...(details.dueDate ? { due_date: details.dueDate } : {}),
      ...(details.reference.trim() ? { reference: details.reference.trim() } : {}),
      ...(details.notes.trim() ? { notes: details.notes.trim() } : {}),
      confirm_double_billing: needsConfirm && confirmed,
    };
    create.mutate(body, {
      onSuccess: (invoice) => {
        toast(`Draft ${invoice.number} created`);
        close();
      },
    });
  };
  return (
    <Dialog open={open} title="New invoice" onClose={close} testId="new-invoice-dialog" wide>
      <form className="form" onSubmit={submit}>
        <ErrorBanner error={create.error ?? form.previewError ?? lines.error} shownFields={DETAIL_FIELDS} />
        <PortionPicker value={form.portion} onChange={form.setPortion} />
        <section className="form-section">
          <h3>Product lines</h3>
          <LinePicker
            lines={lines.data ?? []}
            selected={form.selected}
            previewLines={form.preview?.lines ?? []}
            onToggle={form.toggle}
          />
          {empty && !form.previewFetching && form.selected !== null ? (
            <p className="muted small" data-testid="nothing-selected">
              Tick at least one line or add a free-form line.
            </p>
          ) : null}
          <FreeLinesEditor drafts={form.freeDrafts} currency={opportunity.currency} onChange={form.setFreeDrafts} />
        </section>
        <DoubleBillingConfirm lines={doubled} confirmed={confirmed} onChange={setConfirmed} />
        <PreviewTotals preview={form.preview} busy={form.previewFetching} />
        <InvoiceDetailsFields value={details} onChange={setDetails} error={create.error} />
        <div className="form-actions">
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            busy={create.isPending}
            disabled={empty || form.previewFetching || (needsConfirm && !confirmed)}
            data-testid="create-invoice"
          >
            Create draft
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { todayIso } from "../../lib/format.ts";
import type { Opportunity, Portion, XeroInvoicing } from "../../lib/types.ts";
import { DoubleBillingConfirm } from "../invoices/double-billing-confirm.tsx";
import { FreeLinesEditor } from "../invoices/free-lines-editor.tsx";
import { LinePicker } from "../invoices/line-picker.tsx";
import { PortionPicker } from "../invoices/portion-picker.tsx";
import { PreviewTotals } from "../invoices/preview-totals.tsx";
import { useInvoiceForm } from "../invoices/use-invoice-form.ts";
import { ON_PAGE, useLines } from "../opportunities/queries.ts";
import { ONE_OFF_FIELDS, type OneOff, OneOffFields } from "./one-off-fields.tsx";
import { useCreateRepeatingInvoice, useCreateXeroInvoice } from "./queries.ts";
import { REPEATING_FIELDS, type Repeating, RepeatingFields } from "./repeating-fields.tsx";
import { toSchedule } from "./schedule.ts";
import { useXeroCoding } from "./use-xero-coding.ts";
import { CODING_FIELDS, XeroCodingFields } from "./xero-coding-fields.tsx";

type Props = { open: boolean; opportunity: Opportunity; status: XeroInvoicing; onClose: () => void };

const freshOneOff = (): OneOff => ({ dueDate: todayIso(14), reference: "", status: "AUTHORISED", email: "none" });
const freshRepeating = (): Repeating => ({
  schedule: {
    every: "1",
    unit: "month",
    startDate: todayIso(),
    endDate: "",
    dueType: "days_after_invoice",
    dueDay: "14",
  },
  approval: "approve",
  reference: "",
});

function submitLabel(ongoing: boolean, oneOff: OneOff): string {
  if (ongoing) return "Create repeating invoice";
  if (oneOff.status === "DRAFT") return "Save draft in Xero";
  return oneOff.email === "xero" ? "Approve and email" : "Approve in Xero";
}

/**
 * Actions → Send Invoice: the native dialog's portion, lines and live totals, plus Xero's coding. Full,
 * deposit and balance raise one invoice; Ongoing turns the form into a Xero repeating invoice schedule.
 */
export function SendXeroInvoiceDialog({ open, opportunity, status, onClose }: Props) {
  const toast = useToast();
  const lines = useLines(opportunity.id, ON_PAGE);
  const form = useInvoiceForm(opportunity.id, opportunity.currency, open);
  const coding = useXeroCoding(status, open);
  const [oneOff, setOneOff] = useState(freshOneOff);
  const [repeating, setRepeating] = useState(freshRepeating);
  const [confirmed, setConfirmed] = useState(false);
  const create = useCreateXeroInvoice(opportunity.id);
  const createRepeating = useCreateRepeatingInvoice(opportunity.id);
  const ongoing = form.portion === "ongoing";
  const previewLines = form.preview?.lines ?? [];
  const doubled = ongoing ? [] : previewLines.filter((l) => l.warning === "double_billing");
  const empty = previewLines.length === 0;
  const built = toSchedule(repeating.schedule);
  const error = ongoing ? createRepeating.error : create.error;
  const close = () => {
    create.reset();
    createRepeating.reset();
    form.reset();
    coding.reset();
    setOneOff(freshOneOff());
    setRepeating(freshRepeating());
    setConfirmed(false);
    onClose();
  };
  const setPortion = (next: Portion) => {
    form.setPortion(next);
    // A repeating invoice bills product lines only.
    if (next === "ongoing") form.setFreeDrafts([]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const codingBody = coding.body(previewLines);
    if (ongoing) {
      if (!("schedule" in built)) return;
      const reference = repeating.reference.trim();
      const body = {
        line_ids: form.selected ?? [],
        approval: repeating.approval,
        schedule: built.schedule,
        ...(reference ? { reference } : {}),
        ...codingBody,
      };
      createRepeating.mutate(body, {
        onSuccess: (created) => {
          toast(`Repeating invoice created in Xero. ${created.schedule.summary}`);
          close();
        },
      });
      return;
    }
    const reference = oneOff.reference.trim();
    const body = {
      ...form.request,
      due_date: oneOff.dueDate,
      status: oneOff.status,
      email: oneOff.status === "AUTHORISED" ? oneOff.email : "none",
      ...(reference ? { reference } : {}),
      confirm_double_billing: doubled.length > 0 && confirmed,
      ...codingBody,
    };
    create.mutate(body, {
      onSuccess: (invoice) => {
        toast(`${invoice.number} ${invoice.status === "DRAFT" ? "saved as a draft" : "approved"} in Xero`);
        close();
      },
    });
  };
  const blocked =
    empty || form.previewFetching || (doubled.length > 0 && !confirmed) || (ongoing && !("schedule" in built));
  return (
    <Dialog
      open={open}
      title={ongoing ? "New repeating invoice in Xero" : "Send Invoice to Xero"}
      onClose={close}
      testId="send-xero-invoice-dialog"
      wide
    >
      <form className="form" onSubmit={submit}>
        <ErrorBanner
          error={error ?? form.previewError ?? lines.error}
          shownFields={[...CODING_FIELDS, ...(ongoing ? REPEATING_FIELDS : ONE_OFF_FIELDS)]}
        />
        <PortionPicker value={form.portion} onChange={setPortion} />
        <section className="form-section">
          <h3>{ongoing ? "Recurring product lines" : "Product lines"}</h3>
          <LinePicker
            lines={lines.data ?? []}
            selected={form.selected}
            previewLines={previewLines}
            onToggle={form.toggle}
          />
          {empty && !form.previewFetching && form.selected !== null ? (
            <p className="muted small" data-testid="nothing-selected">
              {ongoing ? "Tick the lines each invoice bills." : "Tick at least one line or add a free-form line."}
            </p>
          ) : null}
          {ongoing ? null : (
            <FreeLinesEditor drafts={form.freeDrafts} currency={opportunity.currency} onChange={form.setFreeDrafts} />
          )}
        </section>
        <DoubleBillingConfirm lines={doubled} confirmed={confirmed} onChange={setConfirmed} />
        <PreviewTotals preview={form.preview} busy={form.previewFetching} />
        {ongoing ? <p className="muted small preview-caption">Each invoice Xero raises bills these totals.</p> : null}
        <XeroCodingFields coding={coding} lines={previewLines} error={error} />
        {ongoing ? (
          <RepeatingFields value={repeating} onChange={setRepeating} error={createRepeating.error} />
        ) : (
          <OneOffFields value={oneOff} onChange={setOneOff} error={create.error} />
        )}
        <div className="form-actions">
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            busy={create.isPending || createRepeating.isPending}
            disabled={blocked}
            data-testid="submit-xero-invoice"
          >
            {submitLabel(ongoing, oneOff)}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

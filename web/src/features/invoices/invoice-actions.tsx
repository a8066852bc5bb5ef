import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import type { Invoice } from "../../lib/types.ts";
import { EditInvoiceDialog } from "./edit-invoice-dialog.tsx";
import { actionsFor } from "./labels.ts";
import { MarkPaidDialog } from "./mark-paid-dialog.tsx";
import { useSendInvoice, useVoidInvoice } from "./use-invoice-mutations.ts";

type Open = "pay" | "edit" | "void" | null;

/** The Actions column: Send, Mark as paid, Edit, Void, as the invoice's state allows (none when locked). */
export function InvoiceActions({ invoice }: { invoice: Invoice }) {
  const toast = useToast();
  const [open, setOpen] = useState<Open>(null);
  const send = useSendInvoice(invoice);
  const voiding = useVoidInvoice(invoice);
  const actions = actionsFor(invoice.status);
  if (actions.length === 0) return null;
  const close = () => {
    setOpen(null);
    voiding.reset();
  };
  return (
    <div className="invoice-actions" data-testid="invoice-actions">
      <ErrorBanner error={send.error} />
      <div className="row-actions">
        {actions.includes("send") ? (
          <Button
            size="sm"
            variant="primary"
            busy={send.isPending}
            onClick={() => send.mutate(undefined, { onSuccess: (i) => toast(`${i.number} sent`) })}
            data-testid="invoice-send"
          >
            Send
          </Button>
        ) : null}
        {actions.includes("pay") ? (
          <Button size="sm" onClick={() => setOpen("pay")} data-testid="invoice-mark-paid">
            Mark as paid
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" onClick={() => setOpen("edit")} data-testid="invoice-edit">
          Edit
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen("void")} data-testid="invoice-void">
          Void
        </Button>
      </div>
      {open === "pay" ? <MarkPaidDialog open invoice={invoice} onClose={close} /> : null}
      {open === "edit" ? <EditInvoiceDialog open invoice={invoice} onClose={close} /> : null}
      <ConfirmDialog
        open={open === "void"}
        title={`Void ${invoice.number}?`}
        confirmLabel="Void invoice"
        onConfirm={() => voiding.mutate(undefined, { onSuccess: close })}
        onClose={close}
        busy={voiding.isPending}
        error={voiding.error}
      >
        <p>The invoice becomes read-only and stops counting as invoiced.</p>
        <p className="muted">Its product lines keep their payment status; you can correct them by hand afterwards.</p>
      </ConfirmDialog>
    </div>
  );
}

import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import type { Invoice } from "../../lib/types.ts";
import { CreatePaymentLink } from "../payments/create-payment-link.tsx";
import { useSyncXeroInvoices } from "../xero-invoices/queries.ts";
import { EditInvoiceDialog } from "./edit-invoice-dialog.tsx";
import { MarkPaidDialog } from "./mark-paid-dialog.tsx";
import { useApproveInvoice, useDeleteInvoice, useEmailInvoice, useVoidInvoice } from "./use-invoice-mutations.ts";
import { XeroPaymentDialog } from "./xero-payment-dialog.tsx";

type Open = "pay" | "edit" | "void" | "delete" | null;

/**
 * The Actions column: exactly the invoice's `allowed_actions` (the server's one lifecycle), so a locked invoice
 * has none. A native invoice's approve reads Mark as sent (sent outside Settle; Send invoice emails it); a Xero
 * invoice has Approve, and Send Invoice has Xero email it. A native invoice awaiting payment may get a Stripe
 * payment link.
 */
export function InvoiceActions({ invoice }: { invoice: Invoice }) {
  const toast = useToast();
  const [open, setOpen] = useState<Open>(null);
  const approve = useApproveInvoice(invoice);
  const email = useEmailInvoice(invoice);
  const voiding = useVoidInvoice(invoice);
  const deleting = useDeleteInvoice(invoice);
  const sync = useSyncXeroInvoices(invoice.opportunity_id);
  const allowed = new Set(invoice.allowed_actions);
  const xero = invoice.provider === "xero";
  // Sync payment status sits with the payment link (payment-link-panel), not here: a paid invoice shows no actions.
  if ([...allowed].every((action) => action === "sync_payments")) return null;
  const close = () => {
    setOpen(null);
    voiding.reset();
    deleting.reset();
  };
  return (
    <div className="invoice-actions" data-testid="invoice-actions">
      <ErrorBanner error={approve.error ?? email.error ?? sync.error} />
      <div className="row-actions">
        {allowed.has("approve") ? (
          <Button
            size="sm"
            variant="primary"
            busy={approve.isPending}
            onClick={() =>
              approve.mutate(undefined, {
                onSuccess: (i) => toast(xero ? `${i.number} approved in Xero` : `${i.number} marked as sent`),
              })
            }
            data-testid={xero ? "invoice-approve" : "invoice-send"}
          >
            {xero ? "Approve" : "Mark as sent"}
          </Button>
        ) : null}
        {allowed.has("send") ? (
          <Button
            size="sm"
            variant={allowed.has("approve") ? "secondary" : "primary"}
            busy={email.isPending}
            onClick={() => email.mutate(undefined, { onSuccess: (i) => toast(`Xero is emailing ${i.number}`) })}
            data-testid="invoice-send-xero"
          >
            Send Invoice
          </Button>
        ) : null}
        {allowed.has("record_payment") ? (
          <Button size="sm" onClick={() => setOpen("pay")} data-testid="invoice-mark-paid">
            {xero ? "Mark as Paid" : "Mark as paid"}
          </Button>
        ) : null}
        {allowed.has("edit") ? (
          <Button size="sm" variant="ghost" onClick={() => setOpen("edit")} data-testid="invoice-edit">
            Edit
          </Button>
        ) : null}
        {allowed.has("sync") ? (
          <Button
            size="sm"
            variant="ghost"
            busy={sync.isPending}
            onClick={() => sync.mutate(undefined, { onSuccess: () => toast("Syncing invoices with Xero…") })}
            data-testid="invoice-sync"
          >
            Sync
          </Button>
        ) : null}
        {allowed.has("void") ? (
          <Button size="sm" variant="ghost" onClick={() => setOpen("void")} data-testid="invoice-void">
            Void
          </Button>
        ) : null}
        {allowed.has("delete") ? (
          <Button size="sm" variant="ghost" onClick={() => setOpen("delete")} data-testid="invoice-delete">
            Delete draft
          </Button>
        ) : null}
      </div>
      {allowed.has("create_payment_link") ? <CreatePaymentLink invoice={invoice} /> : null}
      {open === "pay" && xero ? <XeroPaymentDialog open invoice={invoice} onClose={close} /> : null}
      {open === "pay" && !xero ? <MarkPaidDialog open invoice={invoice} onClose={close} /> : null}
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
        <p>
          {xero ? "It is voided in Xero too; the" : "The"} invoice becomes read-only and stops counting as invoiced.
        </p>
        <p className="muted">Its product lines keep their payment status; you can correct them by hand afterwards.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={open === "delete"}
        title={`Delete draft ${invoice.number}?`}
        confirmLabel="Delete draft"
        onConfirm={() => deleting.mutate(undefined, { onSuccess: close })}
        onClose={close}
        busy={deleting.isPending}
        error={deleting.error}
      >
        <p>
          {xero ? "It is deleted in Xero too. " : ""}The draft becomes read-only and keeps its number; nothing was
          billed.
        </p>
      </ConfirmDialog>
    </div>
  );
}

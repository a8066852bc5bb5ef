import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { formatMoney } from "../../lib/money.ts";
import type { XeroApproval, XeroRepeatingInvoice } from "../../lib/types.ts";
import { useDeleteRepeatingInvoice, useRepeatingInvoices } from "./queries.ts";

const APPROVAL_LABEL: Record<XeroApproval, string> = {
  draft: "Raised as drafts",
  approve: "Approved, not emailed",
  approve_for_sending: "Approved and emailed by Xero",
};

function RepeatingRow({ item, canWrite }: { item: XeroRepeatingInvoice; canWrite: boolean }) {
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteRepeatingInvoice(item);
  const pending = item.xero_repeating_invoice_id === null;
  return (
    <li className="repeating-row" data-testid="repeating-invoice" data-repeating-id={item.id}>
      <div>
        <p className="strong" data-testid="repeating-summary">
          {item.schedule.summary}
        </p>
        <p className="muted small">
          {formatMoney(item.total_amount, item.currency)} each · {APPROVAL_LABEL[item.approval]}
          {item.reference ? ` · Ref ${item.reference}` : ""}
        </p>
      </div>
      <Pill tone={pending ? "amber" : item.status === "AUTHORISED" ? "blue" : "grey"} testId="repeating-status">
        {pending ? "Being created in Xero…" : item.status === "AUTHORISED" ? "Active" : "Draft"}
      </Pill>
      <div className="row-actions">
        {item.xero_url ? (
          <a href={item.xero_url} target="_blank" rel="noreferrer" className="btn btn-ghost btn-sm">
            Open in Xero
          </a>
        ) : null}
        {canWrite ? (
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} data-testid="delete-repeating">
            Delete
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title="Delete this repeating invoice?"
        confirmLabel="Delete in Xero"
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              toast("Repeating invoice deleted");
              setConfirming(false);
            },
          })
        }
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
        busy={remove.isPending}
        error={remove.error}
      >
        <p>Xero stops raising invoices from it. Invoices it already raised stay in Xero and here.</p>
        <p className="muted">To pause it instead, open it in Xero.</p>
      </ConfirmDialog>
    </li>
  );
}

/** Ongoing portions: each Xero repeating invoice with its schedule sentence, a link to Xero and Delete. */
export function RepeatingInvoicesList({ opportunityId, canWrite }: { opportunityId: string; canWrite: boolean }) {
  const list = useRepeatingInvoices(opportunityId, true);
  const items = (list.data ?? []).filter((r) => r.status !== "DELETED");
  if (!list.error && items.length === 0) return null;
  return (
    <section className="form-section repeating-list" data-testid="repeating-invoices">
      <h3>Repeating invoices in Xero</h3>
      <ErrorBanner error={list.error} onRetry={() => void list.refetch()} />
      <ul className="plain-list">
        {items.map((item) => (
          <RepeatingRow key={item.id} item={item} canWrite={canWrite} />
        ))}
      </ul>
    </section>
  );
}

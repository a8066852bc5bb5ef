import { memo, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { formatPercent } from "../../lib/format.ts";
import { formatMoney } from "../../lib/money.ts";
import { useCan } from "../../lib/session.tsx";
import type { Line } from "../../lib/types.ts";
import { EditLineDialog } from "./edit-line-dialog.tsx";
import { PaymentHistory } from "./payment-history.tsx";
import { StatusPill } from "./status-pill.tsx";
import { useRemoveLine } from "./use-line-mutations.ts";

type Props = {
  opportunityId: string;
  line: Line;
  index: number;
  onMove: ((index: number, delta: -1 | 1) => void) | undefined;
  isFirst: boolean;
  isLast: boolean;
  moving: boolean;
};

/** Confirms and removes one line; mounted only while open, so a closed row holds no mutation of its own. */
function RemoveLineDialog({
  opportunityId,
  line,
  onClose,
}: {
  opportunityId: string;
  line: Line;
  onClose: () => void;
}) {
  const remove = useRemoveLine(opportunityId, line.id);
  return (
    <ConfirmDialog
      open
      title={`Remove ${line.product_name}?`}
      confirmLabel="Remove product"
      onConfirm={() => remove.mutate(undefined, { onSuccess: onClose })}
      onClose={() => {
        onClose();
        remove.reset();
      }}
      busy={remove.isPending}
      error={remove.error}
    >
      <p>The line is removed from this opportunity.</p>
    </ConfirmDialog>
  );
}

/**
 * Memoised, and its dialogs mounted only while open: an opportunity may hold hundreds of lines, and a change
 * to one of them (or to the card around them) should not render every row again.
 */
export const LineRow = memo(function LineRow({ opportunityId, line, index, onMove, isFirst, isLast, moving }: Props) {
  const canWrite = useCan("opportunities:write");
  const canReadInvoices = useCan("invoices:read");
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  return (
    <>
      <tr data-testid="line-row" data-line-id={line.id} data-product={line.product_name}>
        <td>
          <div className="line-product">
            <span data-testid="line-product-name">{line.product_name}</span>
            {canReadInvoices ? <StatusPill status={line.payment_status} /> : null}
          </div>
          {canReadInvoices ? (
            <button
              type="button"
              className="link-btn"
              aria-expanded={showHistory}
              onClick={() => setShowHistory(!showHistory)}
              data-testid="history-toggle"
            >
              {showHistory ? "Hide history" : "History"}
            </button>
          ) : null}
        </td>
        <td className="num">{line.quantity}</td>
        <td className="num">{formatMoney(line.unit_amount, line.currency)}</td>
        <td className="num">{line.discount_percent !== 0 ? formatPercent(line.discount_percent) : "—"}</td>
        <td className="num strong" data-testid="line-total">
          {formatMoney(line.line_total_amount, line.currency)}
        </td>
        <td className="num">
          {line.effective_deposit_percent !== 0 ? (
            <>
              {formatMoney(line.deposit_amount, line.currency)}
              <span className="muted small"> ({formatPercent(line.effective_deposit_percent)})</span>
            </>
          ) : (
            "—"
          )}
        </td>
        <td className="actions-cell">
          {onMove ? (
            <>
              <Button
                size="sm"
                variant="ghost"
                aria-label="Move up"
                disabled={isFirst || moving}
                onClick={() => onMove(index, -1)}
              >
                ↑
              </Button>
              <Button
                size="sm"
                variant="ghost"
                aria-label="Move down"
                disabled={isLast || moving}
                onClick={() => onMove(index, 1)}
              >
                ↓
              </Button>
            </>
          ) : null}
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)} data-testid="edit-line">
            {canWrite ? "Edit" : "View"}
          </Button>
          {canWrite ? (
            <Button size="sm" variant="ghost" onClick={() => setRemoving(true)} data-testid="remove-line">
              Remove
            </Button>
          ) : null}
          {editing ? (
            <EditLineDialog open opportunityId={opportunityId} line={line} onClose={() => setEditing(false)} />
          ) : null}
          {removing ? (
            <RemoveLineDialog opportunityId={opportunityId} line={line} onClose={() => setRemoving(false)} />
          ) : null}
        </td>
      </tr>
      {showHistory ? (
        <tr className="history-row">
          <td colSpan={7}>
            <PaymentHistory opportunityId={opportunityId} lineId={line.id} />
          </td>
        </tr>
      ) : null}
    </>
  );
});

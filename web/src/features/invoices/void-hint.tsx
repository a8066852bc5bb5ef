import { useState } from "react";
import { useCan } from "../../lib/session.tsx";
import type { Invoice } from "../../lib/types.ts";
import { EditLineDialog } from "../opportunities/edit-line-dialog.tsx";
import { ON_PAGE, useLines } from "../opportunities/queries.ts";
import { StatusPill } from "../opportunities/status-pill.tsx";

/**
 * Voiding never moves a line down the payment ladder, so the card says so and links each of the invoice's
 * product lines to its edit dialog, where the payment status can be corrected by hand.
 */
export function VoidHint({ invoice }: { invoice: Invoice }) {
  const canCorrect = useCan("invoices:write");
  const lines = useLines(invoice.opportunity_id, ON_PAGE);
  const [editingId, setEditingId] = useState<string | null>(null);
  const ids = new Set(invoice.lines.map((l) => l.product_line_id).filter((id): id is string => id !== null));
  const affected = (lines.data ?? []).filter((l) => ids.has(l.id));
  if (affected.length === 0) return null;
  const editing = affected.find((l) => l.id === editingId);
  return (
    <div className="invoice-hint" data-testid="void-hint">
      <p className="small">
        Voiding did not change the payment status of its lines. If a line was not billed after all, correct it by hand:
      </p>
      <ul className="hint-lines">
        {affected.map((line) => (
          <li key={line.id}>
            <button
              type="button"
              className="link-btn"
              disabled={!canCorrect}
              onClick={() => setEditingId(line.id)}
              data-testid="void-fix-line"
            >
              {line.product_name}
            </button>
            <StatusPill status={line.payment_status} />
          </li>
        ))}
      </ul>
      {editing ? (
        <EditLineDialog open opportunityId={invoice.opportunity_id} line={editing} onClose={() => setEditingId(null)} />
      ) : null}
    </div>
  );
}

import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { useCan } from "../../lib/session.tsx";
import type { Line, PaymentStatus } from "../../lib/types.ts";
import { PAYMENT_LABEL, PAYMENT_STATUSES, paymentLabel } from "./payment.ts";
import { usePatchLine } from "./use-line-mutations.ts";

/** invoices:write → a select that saves on change; invoices:read → text; neither → nothing at all. */
export function PaymentSection({ opportunityId, line }: { opportunityId: string; line: Line }) {
  const canRead = useCan("invoices:read");
  const canWrite = useCan("invoices:write");
  const patch = usePatchLine(opportunityId, line.id);
  if (!canRead && !canWrite) return null;
  const status = patch.isPending ? patch.variables.payment_status : line.payment_status;
  return (
    <section className="dialog-section" data-testid="payment-section">
      <h3>Payment</h3>
      <ErrorBanner error={patch.error} />
      <div className="field">
        <label htmlFor={`payment-${line.id}`}>Payment Status</label>
        {canWrite ? (
          <div className="inline">
            <select
              id={`payment-${line.id}`}
              data-testid="payment-status-select"
              value={status ?? "unpaid"}
              disabled={patch.isPending}
              onChange={(e) => patch.mutate({ payment_status: e.target.value as PaymentStatus })}
            >
              {PAYMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {PAYMENT_LABEL[s]}
                </option>
              ))}
            </select>
            <span className="muted small" data-testid="payment-save-state">
              {patch.isPending ? "Saving…" : patch.isSuccess ? "Saved" : ""}
            </span>
          </div>
        ) : (
          <p id={`payment-${line.id}`} data-testid="payment-status-text">
            {paymentLabel(line.payment_status ?? "unpaid")}
          </p>
        )}
      </div>
    </section>
  );
}

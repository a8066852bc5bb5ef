import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { formatDateTime, humanise } from "../../lib/format.ts";
import type { PaymentStatusChange } from "../../lib/types.ts";
import { paymentLabel } from "./payment.ts";
import { usePaymentHistory } from "./queries.ts";

function describe(change: PaymentStatusChange): string {
  return `${paymentLabel(change.from)} → ${paymentLabel(change.to)}`;
}

export function PaymentHistory({ opportunityId, lineId }: { opportunityId: string; lineId: string }) {
  const history = usePaymentHistory(opportunityId, lineId, true);
  if (history.isPending) return <Loading label="Loading history…" />;
  if (history.isError) return <ErrorBanner error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) {
    return <p className="muted small">No payment status changes yet.</p>;
  }
  return (
    <ol className="history" data-testid="payment-history">
      {history.data.map((change) => (
        <li key={change.id}>
          <span className="strong">{describe(change)}</span>
          <span className="muted small">
            {formatDateTime(change.created_at)} · {humanise(change.source)}
          </span>
        </li>
      ))}
    </ol>
  );
}

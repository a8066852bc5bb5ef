import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import type { Invoice } from "../../lib/types.ts";
import { STATUS_LABEL } from "../invoices/labels.ts";
import { useSyncPayments } from "./queries.ts";

/** "Sync payment status": asks Stripe directly, for a webhook missed while Settle was down or reconnecting. */
export function SyncPayments({ invoice }: { invoice: Invoice }) {
  const toast = useToast();
  const sync = useSyncPayments(invoice);
  const result = sync.data;
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        busy={sync.isPending}
        onClick={() =>
          sync.mutate(undefined, {
            onSuccess: (synced) => toast(`${synced.number} synced with Stripe: ${STATUS_LABEL[synced.status]}`),
          })
        }
        data-testid="sync-payments"
      >
        {sync.isPending ? "Syncing…" : "Sync payment status"}
      </Button>
      {result && !sync.isPending ? (
        <span className="muted small" role="status" data-testid="sync-payments-result">
          Synced with Stripe: {STATUS_LABEL[result.status]}
        </span>
      ) : null}
      {sync.error ? (
        <div className="payment-link-error">
          <ErrorBanner error={sync.error} />
        </div>
      ) : null}
    </>
  );
}

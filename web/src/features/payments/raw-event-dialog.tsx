import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { usePaymentEvent } from "./queries.ts";

/** The Stripe event that last reported on a payment, as Stripe sent it. */
export function RawEventDialog({ paymentId, onClose }: { paymentId: string; onClose: () => void }) {
  const found = usePaymentEvent(paymentId);
  const event = found.data?.event;
  const title = found.data?.payment.stripe.event_type ?? "Stripe event";
  return (
    <Dialog open wide title={title} onClose={onClose} testId="raw-event-dialog">
      <ErrorBanner error={found.error} onRetry={() => void found.refetch()} />
      {found.isPending ? (
        <Loading />
      ) : event ? (
        <>
          <p className="muted small">
            Event <code>{found.data?.payment.stripe.event_id}</code>, as Stripe delivered it.
          </p>
          <pre className="raw-json" data-testid="raw-event-json">
            {JSON.stringify(event, null, 2)}
          </pre>
        </>
      ) : found.data ? (
        <p className="muted" data-testid="raw-event-none">
          This payment was last reported by Sync payment status rather than a webhook, so there is no event to show.
        </p>
      ) : null}
    </Dialog>
  );
}

import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { useCan } from "../../lib/session.tsx";
import { useStripeStatus } from "../payments/queries.ts";
import { StripeCard } from "../payments/stripe-card.tsx";
import { StripeOutcomeBanner } from "../payments/stripe-outcome-banner.tsx";
import { ConsentOutcomeBanner } from "./consent-outcome-banner.tsx";
import { useXeroStatus } from "./queries.ts";
import { XeroCard } from "./xero-card.tsx";

/**
 * Settings → Integrations: where Xero's consent comes back to (?xero=connected|choose|error) and Stripe's
 * Connect page too (?stripe=connected|denied|error).
 */
export function IntegrationsPage() {
  const canWrite = useCan("integrations:write");
  const status = useXeroStatus();
  const stripe = useStripeStatus();
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Integrations</h1>
          <p className="muted">Connect the accounting system your invoices are raised in, and Stripe to get paid.</p>
        </div>
      </header>
      <ConsentOutcomeBanner status={status.data} />
      <StripeOutcomeBanner status={stripe.data} />
      <ErrorBanner error={status.error} onRetry={() => void status.refetch()} />
      {status.isPending ? <Loading /> : status.data ? <XeroCard status={status.data} canWrite={canWrite} /> : null}
      <ErrorBanner error={stripe.error} onRetry={() => void stripe.refetch()} />
      {stripe.isPending ? <Loading /> : stripe.data ? <StripeCard status={stripe.data} canWrite={canWrite} /> : null}
    </div>
  );
}

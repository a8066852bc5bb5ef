import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { useCan } from "../../lib/session.tsx";
import { ConsentOutcomeBanner } from "./consent-outcome-banner.tsx";
import { useXeroStatus } from "./queries.ts";
import { XeroCard } from "./xero-card.tsx";

/** Settings → Integrations: where Xero's consent comes back to (?xero=connected|choose|error). */
export function IntegrationsPage() {
  const canWrite = useCan("integrations:write");
  const status = useXeroStatus();
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Integrations</h1>
          <p className="muted">Connect the accounting system your invoices are raised in.</p>
        </div>
      </header>
      <ConsentOutcomeBanner status={status.data} />
      <ErrorBanner error={status.error} onRetry={() => void status.refetch()} />
      {status.isPending ? <Loading /> : status.data ? <XeroCard status={status.data} canWrite={canWrite} /> : null}
    </div>
  );
}

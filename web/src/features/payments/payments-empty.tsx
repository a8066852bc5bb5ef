import { Link } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";

type Props = { loading: boolean; filtered: boolean; onClear: () => void };

/** Nothing to list yet: either the filters match nothing, or no client has paid through a link. */
export function PaymentsEmpty({ loading, filtered, onClear }: Props) {
  if (loading) return <Loading />;
  if (filtered) {
    return (
      <EmptyState title="No payments match these filters">
        <p className="muted">The search matches a payer's email or name, or a Stripe id, from its start.</p>
        <Button size="sm" onClick={onClear} data-testid="payments-clear-filters">
          Clear filters
        </Button>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No payments yet">
      <p className="muted">
        Connect Stripe in <Link href="/settings/integrations">Settings → Integrations</Link>, then choose Create payment
        link on an approved invoice and send the link to your client. Their payments appear here as Stripe reports them.
      </p>
    </EmptyState>
  );
}

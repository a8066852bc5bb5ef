import { useState } from "react";
import { Link } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { useCan } from "../../lib/session.tsx";
import type { Invoice } from "../../lib/types.ts";
import { CreatePaymentLinkDialog } from "./create-payment-link-dialog.tsx";
import { useStripeConnected } from "./queries.ts";

const EXPLANATION = "Connect Stripe in Settings → Integrations";

/**
 * The invoice's Create payment link action (shown when its allowed_actions offer it): greyed out with the
 * reason while no Stripe account is connected.
 */
export function CreatePaymentLink({ invoice }: { invoice: Invoice }) {
  const connected = useStripeConnected();
  const canOpenIntegrations = useCan("integrations:read");
  const [open, setOpen] = useState(false);
  const hasLink = invoice.payment_link?.active === true;
  return (
    <div className="payment-link-create">
      <Button
        size="sm"
        disabled={connected !== true}
        title={connected === false ? EXPLANATION : undefined}
        aria-describedby={connected === false ? `payment-link-hint-${invoice.id}` : undefined}
        onClick={() => setOpen(true)}
        data-testid="create-payment-link"
      >
        {hasLink ? "New payment link" : "Create payment link"}
      </Button>
      {connected === false ? (
        <p className="muted small" id={`payment-link-hint-${invoice.id}`} data-testid="payment-link-hint">
          {canOpenIntegrations ? (
            <Link href="/settings/integrations">Connect Stripe in Settings → Integrations</Link>
          ) : (
            EXPLANATION
          )}
        </p>
      ) : null}
      {open ? <CreatePaymentLinkDialog invoice={invoice} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

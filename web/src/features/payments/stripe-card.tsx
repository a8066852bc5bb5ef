import { Card } from "../../components/ui/card.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { formatDateTime } from "../../lib/format.ts";
import type { StripeStatus } from "../../lib/types.ts";
import { ConnectStripeButton } from "./connect-stripe-button.tsx";
import { DisconnectStripe } from "./disconnect-stripe.tsx";

type Props = { status: StripeStatus; canWrite: boolean };

function StatusPill({ status }: { status: StripeStatus }) {
  if (!status.configured) return <Pill testId="stripe-connection-status">Not configured</Pill>;
  if (status.connected) {
    return (
      <Pill tone="green" testId="stripe-connection-status">
        Connected
      </Pill>
    );
  }
  if (status.status === "deauthorized") {
    return (
      <Pill tone="red" testId="stripe-connection-status">
        Disconnected by Stripe
      </Pill>
    );
  }
  return <Pill testId="stripe-connection-status">Not connected</Pill>;
}

function Account({ status }: { status: StripeStatus }) {
  return (
    <dl className="stat-row" data-testid="stripe-account">
      <div className="stat">
        <dt>Account</dt>
        <dd data-testid="stripe-account-name">{status.account_name ?? "—"}</dd>
      </div>
      <div className="stat">
        <dt>Account id</dt>
        <dd>
          <code data-testid="stripe-account-id">{status.account_id ?? "—"}</code>
        </dd>
      </div>
      <div className="stat">
        <dt>Mode</dt>
        <dd data-testid="stripe-mode">{status.livemode ? "Live" : "Test mode"}</dd>
      </div>
    </dl>
  );
}

function Body({ status, canWrite }: Props) {
  const adminNote = canWrite ? null : (
    <p className="muted small">A workspace admin (integrations:write) connects Stripe.</p>
  );
  if (!status.configured) {
    return (
      <p className="muted" data-testid="stripe-not-configured">
        Stripe is not set up on this server. Set STRIPE_SECRET_KEY, STRIPE_CLIENT_ID and STRIPE_WEBHOOK_SECRET, or run
        with the local sandboxes (SETTLE_SANDBOXES=1).
      </p>
    );
  }
  if (status.status === "deauthorized") {
    return (
      <div className="reconnect-notice" role="alert" data-testid="stripe-deauthorized">
        <div>
          <strong>Stripe disconnected Settle from this account.</strong>
          <p className="error-fix">
            {status.account_name ?? status.account_id} removed Settle's access
            {status.deauthorized_at ? ` on ${formatDateTime(status.deauthorized_at)}` : ""}. Payment links cannot be
            made or synced until it is connected again.
          </p>
          {adminNote}
        </div>
        {canWrite ? <ConnectStripeButton label="Connect again" /> : null}
      </div>
    );
  }
  if (status.connected) {
    return (
      <>
        <Account status={status} />
        <p className="muted small">
          Connected {formatDateTime(status.connected_at)}. Stripe reports payments to Settle as they happen; approved
          invoices get a payment link from Create payment link.
        </p>
      </>
    );
  }
  return (
    <div className="xero-intro">
      <p>
        Connect your own Stripe account to give approved invoices a payment link (Pay now). When the client pays, the
        invoice is marked paid and its product lines move to Paid.
      </p>
      {canWrite ? <ConnectStripeButton label="Connect Stripe" /> : adminNote}
    </div>
  );
}

/** The Stripe connection: connect through Stripe Connect, the connected account, disconnect. */
export function StripeCard({ status, canWrite }: Props) {
  return (
    <Card
      title={
        <span className="inline">
          Stripe
          <StatusPill status={status} />
        </span>
      }
      actions={status.connected && canWrite ? <DisconnectStripe accountName={status.account_name ?? "Stripe"} /> : null}
      testId="stripe-card"
    >
      <div className="form">
        <Body status={status} canWrite={canWrite} />
      </div>
    </Card>
  );
}

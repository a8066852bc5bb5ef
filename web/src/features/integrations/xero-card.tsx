import { Card } from "../../components/ui/card.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import type { XeroStatus } from "../../lib/types.ts";
import { ConnectXeroButton } from "./connect-xero-button.tsx";
import { DisconnectXero } from "./disconnect-xero.tsx";
import { ReconnectNotice } from "./reconnect-notice.tsx";
import { TenantChooser } from "./tenant-chooser.tsx";
import { XeroDefaultsForm } from "./xero-defaults-form.tsx";
import { XeroSyncPanel } from "./xero-sync-panel.tsx";

type Props = { status: XeroStatus; canWrite: boolean };

function Organisation({ status }: { status: XeroStatus }) {
  return (
    <dl className="stat-row" data-testid="xero-organisation">
      <div className="stat">
        <dt>Organisation</dt>
        <dd data-testid="xero-tenant-name">{status.tenant_name ?? "—"}</dd>
      </div>
      <div className="stat">
        <dt>Base currency</dt>
        <dd>{status.base_currency ?? "—"}</dd>
      </div>
      <div className="stat">
        <dt>Time zone</dt>
        <dd>{status.timezone ?? "—"}</dd>
      </div>
    </dl>
  );
}

/** The Xero connection: connect, choose an organisation, reconnect, disconnect, and the invoice defaults. */
export function XeroCard({ status, canWrite }: Props) {
  const active = status.connected && status.status === "active";
  return (
    <Card
      title={
        <span className="inline">
          Xero
          {status.connected ? (
            <Pill tone={active ? "green" : "red"} testId="xero-connection-status">
              {active ? "Connected" : "Needs reconnecting"}
            </Pill>
          ) : (
            <Pill testId="xero-connection-status">Not connected</Pill>
          )}
        </span>
      }
      actions={status.connected && canWrite ? <DisconnectXero tenantName={status.tenant_name ?? "Xero"} /> : null}
      testId="xero-card"
    >
      <div className="form">
        {status.connected ? null : (
          <div className="xero-intro">
            <p>
              Raise full, deposit, balance and repeating invoices in your Xero organisation from an opportunity;
              payments in Xero move each product line to Paid.
            </p>
            {canWrite && status.choices.length === 0 ? (
              <div>
                <ConnectXeroButton label="Connect to Xero" testId="connect-xero" />
              </div>
            ) : null}
            {canWrite ? null : <p className="muted small">A workspace admin (integrations:write) connects Xero.</p>}
          </div>
        )}
        {status.choices.length > 0 ? <TenantChooser choices={status.choices} canWrite={canWrite} /> : null}
        {status.status === "needs_reconnect" ? <ReconnectNotice status={status} canWrite={canWrite} /> : null}
        {status.connected ? <Organisation status={status} /> : null}
        {active ? <XeroDefaultsForm status={status} canWrite={canWrite} /> : null}
        {active ? <XeroSyncPanel canWrite={canWrite} /> : null}
      </div>
    </Card>
  );
}

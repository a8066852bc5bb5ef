import type { XeroStatus } from "../../lib/types.ts";
import { ConnectXeroButton } from "./connect-xero-button.tsx";

/** Xero refused the stored connection: nothing reaches Xero until a member consents again. */
export function ReconnectNotice({ status, canWrite }: { status: XeroStatus; canWrite: boolean }) {
  return (
    <div className="reconnect-notice" role="alert" data-testid="xero-needs-reconnect">
      <div>
        <strong>Xero needs reconnecting.</strong>
        <p className="error-fix" data-testid="xero-status-reason">
          {status.status_reason ?? "Xero refused Settle's access."} Invoices cannot be raised, paid or synced until
          then.
        </p>
        {canWrite ? null : <p className="small">Ask a workspace admin to reconnect Xero.</p>}
      </div>
      {canWrite ? <ConnectXeroButton label="Reconnect Xero" testId="reconnect-xero" variant="danger" /> : null}
    </div>
  );
}

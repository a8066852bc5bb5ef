import { Link } from "wouter";
import type { Company, XeroInvoicing } from "../../lib/types.ts";

type Props = { status: XeroInvoicing; company: Company | undefined; canWrite: boolean };

/** Why Xero invoicing cannot go ahead yet, and where to fix it. */
export function XeroSectionNotices({ status, company, canWrite }: Props) {
  return (
    <>
      {status.status === "needs_reconnect" ? (
        <div className="reconnect-notice" role="alert" data-testid="invoices-needs-reconnect">
          <div>
            <strong>Xero needs reconnecting.</strong>
            <p className="error-fix">{status.status_reason ?? "Xero refused Settle's access."}</p>
          </div>
          <Link href="/settings/integrations" className="btn btn-danger btn-sm" data-testid="reconnect-xero-link">
            Reconnect Xero
          </Link>
        </div>
      ) : null}
      {company && company.xero_contact_id === null && canWrite ? (
        <p className="notice small" data-testid="no-xero-contact">
          {company.name} has no Xero contact in {status.tenant_name ?? "Xero"} yet. Choose Add Contact → New Contact to
          create one from the company, or Link Existing to use one already in Xero.
        </p>
      ) : null}
    </>
  );
}

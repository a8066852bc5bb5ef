import { useState } from "react";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { useCan } from "../../lib/session.tsx";
import type { Company } from "../../lib/types.ts";
import { AddContactMenu } from "../xero-invoices/add-contact-menu.tsx";
import { useXeroInvoicing } from "../xero-invoices/queries.ts";

/**
 * The company's Xero contact, shown only while the workspace invoices through Xero (which needs invoices:read
 * to know); linking needs invoices:write, as on the API.
 */
export function CompanyXeroLink({ company }: { company: Company }) {
  const xero = useXeroInvoicing();
  const canLink = useCan("invoices:write");
  const [error, setError] = useState<unknown>(null);
  if (!xero.connected) return null;
  return (
    <div className="meta" data-testid="company-xero-link">
      <span className="muted">Xero contact</span>
      {company.xero_contact_id ? (
        <Pill tone="green" testId="xero-contact-linked">
          Linked
        </Pill>
      ) : (
        <>
          <Pill tone="amber">Not linked</Pill>
          {canLink ? <AddContactMenu company={company} onError={setError} /> : null}
        </>
      )}
      <ErrorBanner error={error} />
    </div>
  );
}

import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { useCan } from "../../lib/session.tsx";
import type { Opportunity } from "../../lib/types.ts";
import { ON_PAGE } from "../opportunities/queries.ts";
import { SharePortalLinkButton } from "../portal-links/share-portal-link-button.tsx";
import { useCompany, useXeroInvoicing } from "../xero-invoices/queries.ts";
import { RepeatingInvoicesList } from "../xero-invoices/repeating-invoices-list.tsx";
import { XeroRaisedInvoices } from "../xero-invoices/xero-raised-invoices.tsx";
import { XeroSectionActions } from "../xero-invoices/xero-section-actions.tsx";
import { XeroSectionNotices } from "../xero-invoices/xero-section-notices.tsx";
import { InvoiceCard } from "./invoice-card.tsx";
import { InvoiceSummary } from "./invoice-summary.tsx";
import { NewInvoiceDialog } from "./new-invoice-dialog.tsx";
import { useInvoiceSummary, useInvoices } from "./queries.ts";

/**
 * Below the Products card; only with invoices:read. Anything that changes an invoice needs invoices:write.
 * While Xero is connected invoices are raised there (Actions → Send Invoice) and New invoice is hidden; which
 * way the workspace invoices is read with invoices:read, so roles without integrations:read know it too.
 */
export function InvoicesSection({ opportunity }: { opportunity: Opportunity }) {
  const canRead = useCan("invoices:read");
  const canWrite = useCan("invoices:write");
  const canReadCompanies = useCan("companies:read");
  const invoices = useInvoices(opportunity.id, canRead, ON_PAGE);
  const summary = useInvoiceSummary(opportunity.id, canRead, ON_PAGE);
  const xero = useXeroInvoicing();
  const company = useCompany(opportunity.company_id, canRead && xero.connected && canReadCompanies);
  const [creating, setCreating] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  if (!canRead) return null;
  const items = invoices.data ?? [];
  const actions =
    !canWrite || xero.deciding ? null : xero.connected && xero.status ? (
      <XeroSectionActions
        opportunity={opportunity}
        status={xero.status}
        company={company.data}
        onError={setActionError}
      />
    ) : (
      <Button variant="primary" size="sm" onClick={() => setCreating(true)} data-testid="new-invoice">
        New invoice
      </Button>
    );
  return (
    <Card
      title="Invoices"
      testId="invoices-section"
      actions={
        <>
          {actions}
          {/* The client portal shows these invoices to the opportunity's primary contact. */}
          {opportunity.primary_contact_id ? (
            <SharePortalLinkButton contactId={opportunity.primary_contact_id} testId="invoices-share-portal-link" />
          ) : null}
        </>
      }
    >
      <ErrorBanner error={invoices.error ?? summary.error ?? xero.error} onRetry={() => void invoices.refetch()} />
      <ErrorBanner error={actionError ?? company.error} />
      {xero.connected && xero.status ? (
        <XeroSectionNotices status={xero.status} company={company.data} canWrite={canWrite} />
      ) : null}
      <InvoiceSummary summary={summary.data} />
      {invoices.isPending ? (
        <Loading />
      ) : items.length === 0 && !invoices.isError ? (
        <EmptyState title="No invoices yet">
          <p className="muted">
            {!canWrite
              ? "Nothing has been billed."
              : xero.connected
                ? "Choose Actions → Send Invoice to raise one in Xero."
                : "Raise a deposit, balance or full invoice from the product lines."}
          </p>
        </EmptyState>
      ) : (
        <div className="invoice-list" data-testid="invoice-list">
          {items.map((invoice) => (
            <InvoiceCard key={invoice.id} invoice={invoice} />
          ))}
        </div>
      )}
      {xero.connected ? <XeroRaisedInvoices opportunity={opportunity} /> : null}
      {xero.connected ? <RepeatingInvoicesList opportunityId={opportunity.id} canWrite={canWrite} /> : null}
      {canWrite && !xero.connected ? (
        <NewInvoiceDialog open={creating} opportunity={opportunity} onClose={() => setCreating(false)} />
      ) : null}
    </Card>
  );
}

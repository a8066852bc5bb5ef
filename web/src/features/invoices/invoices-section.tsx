import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { useCan } from "../../lib/session.tsx";
import type { Opportunity } from "../../lib/types.ts";
import { ON_PAGE } from "../opportunities/queries.ts";
import { InvoiceCard } from "./invoice-card.tsx";
import { InvoiceSummary } from "./invoice-summary.tsx";
import { NewInvoiceDialog } from "./new-invoice-dialog.tsx";
import { useInvoiceSummary, useInvoices } from "./queries.ts";

/** Below the Products card; only with invoices:read. Anything that changes an invoice needs invoices:write. */
export function InvoicesSection({ opportunity }: { opportunity: Opportunity }) {
  const canRead = useCan("invoices:read");
  const canWrite = useCan("invoices:write");
  const invoices = useInvoices(opportunity.id, canRead, ON_PAGE);
  const summary = useInvoiceSummary(opportunity.id, canRead, ON_PAGE);
  const [creating, setCreating] = useState(false);
  if (!canRead) return null;
  const items = invoices.data ?? [];
  return (
    <Card
      title="Invoices"
      testId="invoices-section"
      actions={
        canWrite ? (
          <Button variant="primary" size="sm" onClick={() => setCreating(true)} data-testid="new-invoice">
            New invoice
          </Button>
        ) : null
      }
    >
      <ErrorBanner error={invoices.error ?? summary.error} onRetry={() => void invoices.refetch()} />
      <InvoiceSummary summary={summary.data} />
      {invoices.isPending ? (
        <Loading />
      ) : items.length === 0 && !invoices.isError ? (
        <EmptyState title="No invoices yet">
          <p className="muted">
            {canWrite ? "Raise a deposit, balance or full invoice from the product lines." : "Nothing has been billed."}
          </p>
        </EmptyState>
      ) : (
        <div className="invoice-list" data-testid="invoice-list">
          {items.map((invoice) => (
            <InvoiceCard key={invoice.id} invoice={invoice} />
          ))}
        </div>
      )}
      {canWrite ? (
        <NewInvoiceDialog open={creating} opportunity={opportunity} onClose={() => setCreating(false)} />
      ) : null}
    </Card>
  );
}

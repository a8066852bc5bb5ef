import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Table } from "../../components/ui/table.tsx";
import type { StripePayment } from "../../lib/types.ts";
import { usePageList } from "../../lib/use-page-list.ts";
import { PaymentFilters, type PaymentFilterValues } from "./payment-filters.tsx";
import { PaymentRow } from "./payment-row.tsx";
import { PaymentsEmpty } from "./payments-empty.tsx";
import { PAYMENTS_KEY } from "./queries.ts";
import { RawEventDialog } from "./raw-event-dialog.tsx";
import { useInvoiceNumbers } from "./use-invoice-numbers.ts";

const NO_FILTERS: PaymentFilterValues = { type: "", status: "", q: "" };

function csvHref(filters: PaymentFilterValues): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const qs = params.toString();
  return `/api/v1/payments.csv${qs ? `?${qs}` : ""}`;
}

/** The payment log: every Stripe payment, refund and subscription in the workspace, newest first. */
export function PaymentsPage() {
  const [filters, setFilters] = useState<PaymentFilterValues>(NO_FILTERS);
  const [rawId, setRawId] = useState<string | null>(null);
  // Clearing remounts the filters, so the search box empties too.
  const [generation, setGeneration] = useState(0);
  const clear = () => {
    setFilters(NO_FILTERS);
    setGeneration((g) => g + 1);
  };
  const query = { type: filters.type || undefined, status: filters.status || undefined, q: filters.q || undefined };
  const payments = usePageList<StripePayment>(PAYMENTS_KEY, "/payments", query);
  const numbers = useInvoiceNumbers(payments.items.map((p) => p.invoice_id));
  const filtered = Boolean(filters.type || filters.status || filters.q);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Payments</h1>
          <p className="muted">Stripe payments, refunds and subscriptions through invoices' payment links.</p>
        </div>
        <a className="btn btn-secondary" href={csvHref(filters)} download data-testid="payments-export-csv">
          Export CSV
        </a>
      </header>
      <PaymentFilters key={generation} value={filters} onChange={setFilters} />
      <ErrorBanner error={payments.error} onRetry={() => void payments.refetch()} />
      <Card testId="payments-card">
        {payments.isError ? null : payments.isPending || payments.items.length === 0 ? (
          <PaymentsEmpty loading={payments.isPending} filtered={filtered} onClear={clear} />
        ) : (
          <Table
            testId="payments-table"
            head={
              <tr>
                <th>Time</th>
                <th>Type</th>
                <th>Status</th>
                <th className="num">Amount</th>
                <th>Payer</th>
                <th>Invoice</th>
                <th>Stripe ids</th>
                <th />
              </tr>
            }
          >
            {payments.items.map((p) => (
              <PaymentRow
                key={p.id}
                payment={p}
                invoiceNumber={p.invoice_id ? numbers.get(p.invoice_id) : undefined}
                onRawEvent={() => setRawId(p.id)}
              />
            ))}
          </Table>
        )}
        {payments.hasNextPage ? (
          <div className="load-more">
            <Button
              onClick={() => void payments.fetchNextPage()}
              busy={payments.isFetchingNextPage}
              data-testid="payments-load-more"
            >
              Load more
            </Button>
          </div>
        ) : null}
      </Card>
      {rawId ? <RawEventDialog paymentId={rawId} onClose={() => setRawId(null)} /> : null}
    </div>
  );
}

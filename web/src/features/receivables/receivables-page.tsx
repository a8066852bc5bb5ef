import { useState } from "react";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { formatDate } from "../../lib/format.ts";
import { AgeingSection } from "./ageing-section.tsx";
import { PaidByMonthSection } from "./paid-by-month-section.tsx";
import { PipelineStatusSection } from "./pipeline-status-section.tsx";
import { useReceivables } from "./queries.ts";
import { TotalsSection } from "./totals-section.tsx";
import type { Receivables } from "./types.ts";
import "./receivables.css";

/** Every currency the report mentions, the one owed most first. */
function currenciesOf(report: Receivables): string[] {
  const owed = [...report.data].sort((a, b) => b.outstanding_amount - a.outstanding_amount).map((r) => r.currency);
  const rest = [...report.pipeline_by_status, ...report.paid_by_month].map((r) => r.currency);
  return [...new Set([...owed, ...rest])];
}

/** Receivables (invoices:read): the route and its nav entry exist only for that scope, as on the API. */
export function ReceivablesPage() {
  const report = useReceivables();
  const [picked, setPicked] = useState("");
  if (report.isPending) return <Loading />;
  const currencies = report.data ? currenciesOf(report.data) : [];
  const currency = picked && currencies.includes(picked) ? picked : (currencies[0] ?? "");
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Receivables</h1>
          <p className="muted">
            What you are owed and what came in, from native and Xero invoices
            {report.data ? ` · as of ${formatDate(report.data.as_of)}` : ""}.
          </p>
        </div>
        {currencies.length > 1 ? (
          <select
            aria-label="Currency"
            value={currency}
            onChange={(e) => setPicked(e.target.value)}
            data-testid="receivables-currency"
          >
            {currencies.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        ) : null}
      </header>
      <ErrorBanner error={report.error} onRetry={() => void report.refetch()} />
      {report.data && currency === "" ? (
        <EmptyState title="Nothing to show yet">
          <p className="muted">Figures appear once invoices are raised.</p>
        </EmptyState>
      ) : null}
      {report.data && currency ? (
        <div className="receivables" data-testid="receivables">
          <TotalsSection rows={report.data.data} currency={currency} />
          <AgeingSection rows={report.data.by_company} currency={currency} />
          <PipelineStatusSection rows={report.data.pipeline_by_status} currency={currency} />
          <PaidByMonthSection rows={report.data.paid_by_month} currency={currency} asOf={report.data.as_of} />
        </div>
      ) : null}
    </div>
  );
}

import { formatMoney } from "../../lib/money.ts";
import type { InvoiceSummary as Summary } from "../../lib/types.ts";

const FIGURES = [
  { key: "invoiced_amount", label: "Invoiced", testId: "summary-invoiced" },
  { key: "paid_amount", label: "Paid", testId: "summary-paid" },
  { key: "outstanding_amount", label: "Outstanding", testId: "summary-outstanding" },
] as const;

/** Invoiced, paid and outstanding on sent invoices; kept by a background job, so it may lag a moment. */
export function InvoiceSummary({ summary }: { summary: Summary | undefined }) {
  return (
    <dl className="stat-row" data-testid="invoice-summary">
      {FIGURES.map((f) => (
        <div key={f.key} className="stat">
          <dt>{f.label}</dt>
          <dd data-testid={f.testId} data-amount={summary?.[f.key] ?? ""}>
            {summary ? formatMoney(summary[f.key], summary.currency) : "—"}
          </dd>
        </div>
      ))}
    </dl>
  );
}

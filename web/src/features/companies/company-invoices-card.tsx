import { useQueries } from "@tanstack/react-query";
import { Link } from "wouter";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { formatDate } from "../../lib/format.ts";
import { formatMoney } from "../../lib/money.ts";
import type { Invoice, Opportunity } from "../../lib/types.ts";
import { STATUS_LABEL, STATUS_TONE } from "../invoices/labels.ts";
import { invoicesQuery } from "../invoices/queries.ts";

/**
 * Every invoice raised on the company's opportunities, newest first. Rendered only for invoices:read; the
 * invoices are read per opportunity, the same queries the opportunity page shares.
 */
export function CompanyInvoicesCard({ opportunities }: { opportunities: Opportunity[] }) {
  const results = useQueries({ queries: opportunities.map((o) => invoicesQuery(o.id)) });
  const pending = results.some((r) => r.isPending);
  const error = results.find((r) => r.error)?.error;
  const invoices: Invoice[] = results
    .flatMap((r) => r.data ?? [])
    .sort((a, b) => b.issue_date.localeCompare(a.issue_date) || b.number.localeCompare(a.number));
  const names = new Map(opportunities.map((o) => [o.id, o.name]));
  return (
    <Card title="Invoices" testId="company-invoices">
      <ErrorBanner error={error} />
      {pending && opportunities.length > 0 ? (
        <Loading />
      ) : invoices.length === 0 ? (
        <EmptyState title="No invoices yet" />
      ) : (
        <Table
          head={
            <tr>
              <th>Number</th>
              <th>Opportunity</th>
              <th>Issued</th>
              <th>Due</th>
              <th>Status</th>
              <th className="num">Total</th>
              <th className="num">Due now</th>
            </tr>
          }
        >
          {invoices.map((i) => (
            <tr key={i.id} data-testid="company-invoice-row">
              <td className="strong">{i.number}</td>
              <td>
                <Link href={`/opportunities/${i.opportunity_id}`} className="row-link">
                  {names.get(i.opportunity_id) ?? "Opportunity"}
                </Link>
              </td>
              <td>{formatDate(i.issue_date)}</td>
              <td>{formatDate(i.due_date)}</td>
              <td>
                <Pill tone={STATUS_TONE[i.status]}>{STATUS_LABEL[i.status]}</Pill>
              </td>
              <td className="num">{i.total_amount === undefined ? "—" : formatMoney(i.total_amount, i.currency)}</td>
              <td className="num">
                {i.amount_due_amount === undefined ? "—" : formatMoney(i.amount_due_amount, i.currency)}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}

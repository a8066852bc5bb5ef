import { Link } from "wouter";
import { Card } from "../../components/ui/card.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { EmptyState } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { formatDate } from "../../lib/format.ts";
import { formatMoney } from "../../lib/money.ts";
import type { CompanyInvoice, InvoiceStatus, Opportunity } from "../../lib/types.ts";
import { STATUS_LABEL, STATUS_TONE } from "../invoices/labels.ts";

const isKnownStatus = (status: string): status is InvoiceStatus => status in STATUS_LABEL;

/**
 * Every invoice raised on the company's opportunities (native and synced from Xero), newest first, as the
 * company overview returns them. Rendered only for invoices:read.
 */
export function CompanyInvoicesCard({
  invoices,
  opportunities,
}: {
  invoices: CompanyInvoice[];
  opportunities: Opportunity[];
}) {
  const names = new Map(opportunities.map((o) => [o.id, o.name]));
  return (
    <Card title="Invoices" testId="company-invoices">
      {invoices.length === 0 ? (
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
                {isKnownStatus(i.status) ? (
                  <Pill tone={STATUS_TONE[i.status]}>{STATUS_LABEL[i.status]}</Pill>
                ) : (
                  <Pill tone="grey">{i.status}</Pill>
                )}
              </td>
              <td className="num">{formatMoney(i.total_amount, i.currency)}</td>
              <td className="num">{formatMoney(i.amount_due_amount, i.currency)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}

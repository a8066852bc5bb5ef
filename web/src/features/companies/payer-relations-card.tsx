import { Link } from "wouter";
import { Card } from "../../components/ui/card.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { EmptyState } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { humanise } from "../../lib/format.ts";
import { formatMoney } from "../../lib/money.ts";
import type { CompanyPayerRelation } from "../../lib/types.ts";
import { STATUS_TONE } from "../opportunities/opportunity-list.tsx";

/**
 * Other clients' opportunities this company pays bills for as a payer company. Only rendered when the
 * overview carries them (invoices:read and opportunities:read); payer companies are changed on the opportunity.
 */
export function PayerRelationsCard({ relations }: { relations: CompanyPayerRelation[] }) {
  return (
    <Card title="Pays for" testId="company-payer-relations">
      {relations.length === 0 ? (
        <EmptyState title="Not a payer company on any opportunity" />
      ) : (
        <Table
          head={
            <tr>
              <th>Opportunity</th>
              <th>Client</th>
              <th>Status</th>
              <th className="num">Total</th>
            </tr>
          }
        >
          {relations.map((r) => (
            <tr key={r.opportunity_id} data-testid="payer-relation-row" data-name={r.opportunity_name}>
              <td>
                <Link href={`/opportunities/${r.opportunity_id}`} className="row-link">
                  {r.opportunity_name}
                </Link>
              </td>
              <td>
                <Link href={`/companies/${r.client_id}`} className="row-link">
                  {r.client_name}
                </Link>
              </td>
              <td>
                <Pill tone={STATUS_TONE[r.status] ?? "grey"}>{humanise(r.status)}</Pill>
              </td>
              <td className="num">{formatMoney(r.total_amount, r.currency)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}

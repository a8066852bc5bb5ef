import { Link } from "wouter";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { humanise } from "../../lib/format.ts";
import { formatMoney } from "../../lib/money.ts";
import type { Opportunity } from "../../lib/types.ts";
import { STATUS_TONE } from "../opportunities/opportunity-list.tsx";

type Props = { opportunities: { data: Opportunity[] | undefined; isPending: boolean; error: unknown } };

export function CompanyOpportunitiesCard({ opportunities }: Props) {
  const rows = opportunities.data ?? [];
  return (
    <Card title="Opportunities" testId="company-opportunities">
      <ErrorBanner error={opportunities.error} />
      {opportunities.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title="No opportunities for this company" />
      ) : (
        <Table
          head={
            <tr>
              <th>Name</th>
              <th>Status</th>
              <th className="num">Total</th>
            </tr>
          }
        >
          {rows.map((o) => (
            <tr key={o.id} data-testid="company-opportunity-row">
              <td>
                <Link href={`/opportunities/${o.id}`} className="row-link">
                  {o.name}
                </Link>
              </td>
              <td>
                <Pill tone={STATUS_TONE[o.status] ?? "grey"}>{humanise(o.status)}</Pill>
              </td>
              <td className="num">{formatMoney(o.total_amount, o.currency)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}

import { useState } from "react";
import { Link } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { EmptyState } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { humanise } from "../../lib/format.ts";
import { formatMoney } from "../../lib/money.ts";
import { useCan } from "../../lib/session.tsx";
import type { Company, Opportunity } from "../../lib/types.ts";
import { CreateOpportunityDialog } from "../opportunities/create-opportunity-dialog.tsx";
import { STATUS_TONE } from "../opportunities/opportunity-list.tsx";

type Props = { company: Company; opportunities: Opportunity[] };

export function CompanyOpportunitiesCard({ company, opportunities }: Props) {
  const rows = opportunities;
  const canCreate = useCan("opportunities:write");
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title="Opportunities"
      testId="company-opportunities"
      actions={
        canCreate ? (
          <Button size="sm" onClick={() => setCreating(true)} data-testid="company-new-opportunity">
            New opportunity
          </Button>
        ) : null
      }
    >
      {creating ? <CreateOpportunityDialog open company={company} onClose={() => setCreating(false)} /> : null}
      {rows.length === 0 ? (
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

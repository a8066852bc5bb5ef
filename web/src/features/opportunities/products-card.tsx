import { useCallback, useRef, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { formatMoney, sumMinor } from "../../lib/money.ts";
import { useCan } from "../../lib/session.tsx";
import type { Opportunity } from "../../lib/types.ts";
import { AddLineDialog } from "./add-line-dialog.tsx";
import { LineRow } from "./line-row.tsx";
import { ON_PAGE, useLines } from "./queries.ts";
import { useReorder } from "./use-line-mutations.ts";

export function ProductsCard({ opportunity }: { opportunity: Opportunity }) {
  const lines = useLines(opportunity.id, ON_PAGE);
  const canWrite = useCan("opportunities:write");
  const [adding, setAdding] = useState(false);
  const reorder = useReorder(opportunity.id);
  const items = lines.data ?? [];
  // One callback for every row, so a memoised row re-renders only when its own line or position changes.
  const current = useRef(items);
  current.current = items;
  const { mutate: reorderLines } = reorder;
  const move = useCallback(
    (index: number, delta: -1 | 1) => reorderLines({ lines: current.current, index, delta }),
    [reorderLines],
  );
  const total = sumMinor(items.map((l) => l.line_total_amount));
  const currency = items[0]?.currency ?? opportunity.currency;
  return (
    <Card
      title="Products"
      testId="products-card"
      actions={
        canWrite ? (
          <Button variant="primary" size="sm" onClick={() => setAdding(true)} data-testid="add-product">
            Add product
          </Button>
        ) : null
      }
    >
      <ErrorBanner error={lines.error ?? reorder.error} onRetry={() => void lines.refetch()} />
      {lines.isPending ? (
        <Loading />
      ) : items.length === 0 && !lines.isError ? (
        <EmptyState title="No products on this opportunity">
          <p className="muted">{canWrite ? "Add one from the catalogue." : "Nothing has been added yet."}</p>
        </EmptyState>
      ) : (
        <Table
          testId="lines-table"
          head={
            <tr>
              <th>Product</th>
              <th className="num">Qty</th>
              <th className="num">Unit price</th>
              <th className="num">Discount</th>
              <th className="num">Line total</th>
              <th className="num">Deposit</th>
              <th aria-label="Actions" />
            </tr>
          }
        >
          {items.map((line, index) => (
            <LineRow
              key={line.id}
              opportunityId={opportunity.id}
              line={line}
              index={index}
              onMove={canWrite ? move : undefined}
              isFirst={index === 0}
              isLast={index === items.length - 1}
              moving={reorder.isPending}
            />
          ))}
        </Table>
      )}
      {items.length > 0 ? (
        <div className="total-row" data-testid="opportunity-total">
          <span>Opportunity total</span>
          <strong>{formatMoney(total, currency)}</strong>
        </div>
      ) : null}
      <AddLineDialog open={adding} opportunity={opportunity} onClose={() => setAdding(false)} />
    </Card>
  );
}

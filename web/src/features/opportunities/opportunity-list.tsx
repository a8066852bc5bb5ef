import { Link } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { Pill, type Tone } from "../../components/ui/pill.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { humanise } from "../../lib/format.ts";
import { formatMoney } from "../../lib/money.ts";
import type { Opportunity, OpportunityStatus } from "../../lib/types.ts";
import type { usePageList } from "../../lib/use-page-list.ts";

export const STATUS_TONE: Record<OpportunityStatus, Tone> = { open: "indigo", won: "green", lost: "red" };

type Props = { list: ReturnType<typeof usePageList<Opportunity>>; filtered: boolean };

export function OpportunityList({ list, filtered }: Props) {
  if (list.isPending) return <Loading />;
  if (list.isError) return null;
  if (list.items.length === 0) {
    return (
      <EmptyState title={filtered ? "No opportunities match" : "No opportunities yet"}>
        <p className="muted">
          {filtered ? "Try another search or status." : "Create one to start tracking a deal and its products."}
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <Table
        testId="opportunity-table"
        head={
          <tr>
            <th>Name</th>
            <th>Stage</th>
            <th>Status</th>
            <th className="num">Total</th>
          </tr>
        }
      >
        {list.items.map((o) => (
          <tr key={o.id} data-testid="opportunity-row">
            <td>
              <Link href={`/opportunities/${o.id}`} className="row-link">
                {o.name}
              </Link>
            </td>
            <td>{o.stage ? humanise(o.stage) : "—"}</td>
            <td>
              <Pill tone={STATUS_TONE[o.status] ?? "grey"}>{humanise(o.status)}</Pill>
            </td>
            <td className="num">{formatMoney(o.total_amount, o.currency)}</td>
          </tr>
        ))}
      </Table>
      {list.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void list.fetchNextPage()} busy={list.isFetchingNextPage} data-testid="load-more">
            Load more
          </Button>
        </div>
      ) : null}
    </>
  );
}

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "../../components/ui/card.tsx";
import { Table } from "../../components/ui/table.tsx";
import { formatMoney } from "../../lib/money.ts";
import { axisMoney, tooltipMoney } from "./chart-format.ts";
import type { Receivable } from "./types.ts";

/** Outstanding and overdue for the chosen currency as figures and a chart; the table lists every currency. */
export function TotalsSection({ rows, currency }: { rows: Receivable[]; currency: string }) {
  const chosen = rows.find((r) => r.currency === currency);
  return (
    <Card title="Outstanding and overdue" testId="receivables-totals">
      <dl className="stat-row">
        <div className="stat">
          <dt>Outstanding ({currency})</dt>
          <dd data-testid="outstanding-total">{formatMoney(chosen?.outstanding_amount ?? 0, currency)}</dd>
        </div>
        <div className="stat">
          <dt>Overdue ({currency})</dt>
          <dd data-testid="overdue-total">{formatMoney(chosen?.overdue_amount ?? 0, currency)}</dd>
        </div>
        <div className="stat">
          <dt>Currencies owed in</dt>
          <dd>{rows.length}</dd>
        </div>
      </dl>
      {chosen ? (
        <div
          className="chart"
          role="img"
          aria-label={`Outstanding and overdue in ${currency}; the table below lists them`}
        >
          <ResponsiveContainer width="100%" height={180}>
            <BarChart data={[chosen]} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tickFormatter={(v: number) => axisMoney(v, currency)} />
              <YAxis type="category" dataKey="currency" width={48} />
              <Tooltip formatter={tooltipMoney(currency)} />
              <Legend />
              <Bar dataKey="outstanding_amount" name="Outstanding" fill="#4f46e5" />
              <Bar dataKey="overdue_amount" name="Overdue" fill="#dc2626" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      <Table
        testId="receivables-totals-table"
        head={
          <tr>
            <th>Currency</th>
            <th className="num">Outstanding</th>
            <th className="num">Overdue</th>
          </tr>
        }
      >
        {rows.map((r) => (
          <tr key={r.currency} data-testid="receivables-total-row" data-currency={r.currency}>
            <td>{r.currency}</td>
            <td className="num">{formatMoney(r.outstanding_amount, r.currency)}</td>
            <td className="num">{formatMoney(r.overdue_amount, r.currency)}</td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

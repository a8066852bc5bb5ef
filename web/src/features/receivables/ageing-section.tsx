import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "../../components/ui/card.tsx";
import { EmptyState } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { formatMoney } from "../../lib/money.ts";
import { axisMoney, tooltipMoney } from "./chart-format.ts";
import { type Ageing, BUCKETS, type Receivables } from "./types.ts";

type Row = Receivables["by_company"][number];

/** Each company's unpaid invoices by days past due, biggest debt first, in the chosen currency. */
export function AgeingSection({ rows, currency }: { rows: Row[]; currency: string }) {
  const companies = rows
    .filter((r) => r.currency === currency)
    .sort((a, b) => b.outstanding_amount - a.outstanding_amount);
  const chartRows = companies.slice(0, 12).map((r) => ({ name: r.company_name, ...r.ageing }));
  return (
    <Card title={`Ageing by company (${currency})`} testId="receivables-ageing">
      {companies.length === 0 ? (
        <EmptyState title={`Nothing owed in ${currency}`} />
      ) : (
        <>
          <div className="chart" role="img" aria-label="Ageing by company; the table below lists the amounts">
            <ResponsiveContainer width="100%" height={Math.max(160, chartRows.length * 34 + 60)}>
              <BarChart data={chartRows} layout="vertical" margin={{ left: 8, right: 24 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" tickFormatter={(v: number) => axisMoney(v, currency)} />
                <YAxis type="category" dataKey="name" width={150} />
                <Tooltip formatter={tooltipMoney(currency)} />
                <Legend />
                {BUCKETS.map((b) => (
                  <Bar key={b.key} dataKey={b.key} name={b.label} stackId="ageing" fill={b.colour} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Table
            testId="ageing-table"
            head={
              <tr>
                <th>Company</th>
                {BUCKETS.map((b) => (
                  <th key={b.key} className="num">
                    {b.label}
                  </th>
                ))}
                <th className="num">Outstanding</th>
              </tr>
            }
          >
            {companies.map((r) => (
              <tr key={r.company_id} data-testid="ageing-row" data-company={r.company_name}>
                <td>{r.company_name}</td>
                {BUCKETS.map((b) => (
                  <td key={b.key} className="num">
                    {formatMoney(r.ageing[b.key as keyof Ageing], currency)}
                  </td>
                ))}
                <td className="num strong">{formatMoney(r.outstanding_amount, currency)}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </Card>
  );
}

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "../../components/ui/card.tsx";
import { Table } from "../../components/ui/table.tsx";
import { formatMoney } from "../../lib/money.ts";
import { axisMoney, lastTwelveMonths, monthLabel, tooltipMoney } from "./chart-format.ts";
import type { Receivables } from "./types.ts";

type Row = Receivables["paid_by_month"][number];

/** Money received in each of the last 12 months in the chosen currency; a month with none shows as zero. */
export function PaidByMonthSection({ rows, currency, asOf }: { rows: Row[]; currency: string; asOf: string }) {
  const months = [...new Set([...lastTwelveMonths(asOf), ...rows.map((r) => r.month)])].sort().slice(-12);
  const data = months.map((month) => ({
    month,
    label: monthLabel(month),
    paid_amount: rows.find((r) => r.month === month && r.currency === currency)?.paid_amount ?? 0,
  }));
  return (
    <Card title={`Paid per month (${currency})`} testId="receivables-paid">
      <div className="chart" role="img" aria-label="Paid per month; the table below lists the amounts">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" />
            <YAxis tickFormatter={(v: number) => axisMoney(v, currency)} width={70} />
            <Tooltip formatter={tooltipMoney(currency)} />
            <Bar dataKey="paid_amount" name="Paid" fill="#10b981" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table
        testId="paid-by-month-table"
        head={
          <tr>
            <th>Month</th>
            <th className="num">Paid</th>
          </tr>
        }
      >
        {data.map((d) => (
          <tr key={d.month} data-testid="paid-month-row" data-month={d.month}>
            <td>{d.label}</td>
            <td className="num">{formatMoney(d.paid_amount, currency)}</td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

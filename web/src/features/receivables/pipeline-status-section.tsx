import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "../../components/ui/card.tsx";
import { Table } from "../../components/ui/table.tsx";
import { formatMoney } from "../../lib/money.ts";
import { axisMoney, tooltipMoney } from "./chart-format.ts";
import type { Receivables } from "./types.ts";

type Row = Receivables["pipeline_by_status"][number];

const PARTS = [
  { key: "unpaid_amount", label: "Unpaid", colour: "#9ca3af" },
  { key: "deposit_invoiced_amount", label: "Deposit Invoiced", colour: "#f59e0b" },
  { key: "invoiced_amount", label: "Invoiced", colour: "#3b82f6" },
  { key: "paid_amount", label: "Paid", colour: "#10b981" },
] as const;

/** Line totals on open opportunities by payment status: what is sold but not yet billed or paid. */
export function PipelineStatusSection({ rows, currency }: { rows: Row[]; currency: string }) {
  const chosen = rows.filter((r) => r.currency === currency);
  return (
    <Card title="Open opportunities by payment status" testId="receivables-pipeline">
      {chosen.length > 0 ? (
        <div className="chart" role="img" aria-label="Line amounts by payment status; the table below lists them">
          <ResponsiveContainer width="100%" height={140}>
            <BarChart data={chosen} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tickFormatter={(v: number) => axisMoney(v, currency)} />
              <YAxis type="category" dataKey="currency" width={48} />
              <Tooltip formatter={tooltipMoney(currency)} />
              <Legend />
              {PARTS.map((p) => (
                <Bar key={p.key} dataKey={p.key} name={p.label} stackId="status" fill={p.colour} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      <Table
        testId="pipeline-status-table"
        head={
          <tr>
            <th>Currency</th>
            {PARTS.map((p) => (
              <th key={p.key} className="num">
                {p.label}
              </th>
            ))}
          </tr>
        }
      >
        {rows.map((r) => (
          <tr key={r.currency} data-testid="pipeline-status-row" data-currency={r.currency}>
            <td>{r.currency}</td>
            {PARTS.map((p) => (
              <td key={p.key} className="num">
                {formatMoney(r[p.key], r.currency)}
              </td>
            ))}
          </tr>
        ))}
      </Table>
    </Card>
  );
}

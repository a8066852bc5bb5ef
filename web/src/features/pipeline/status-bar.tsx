import { formatMoney, sumMinor } from "../../lib/money.ts";
import type { Line, PaymentStatus } from "../../lib/types.ts";
import { PAYMENT_LABEL, PAYMENT_STATUSES } from "../opportunities/payment.ts";

export type StatusAmounts = { status: PaymentStatus; amount: number }[];

/** Line totals summed per payment status, in the fixed order Unpaid → Paid; statuses with nothing are left out. */
export function amountsByStatus(lines: readonly Line[]): StatusAmounts {
  return PAYMENT_STATUSES.map((status) => ({
    status,
    amount: sumMinor(lines.filter((l) => l.payment_status === status).map((l) => l.line_total_amount)),
  })).filter((s) => s.amount > 0);
}

/**
 * A thin bar split by payment status, its widths in proportion to the amounts. Rendered only for callers with
 * invoices:read: the lines carry no payment status otherwise.
 */
export function StatusBar({ lines, currency }: { lines: readonly Line[]; currency: string }) {
  const parts = amountsByStatus(lines);
  const total = sumMinor(parts.map((p) => p.amount));
  if (total === 0) return null;
  const described = parts.map((p) => `${PAYMENT_LABEL[p.status]} ${formatMoney(p.amount, currency)}`).join(", ");
  return (
    <div className="status-bar" role="img" aria-label={described} title={described} data-testid="status-bar">
      {parts.map((p) => (
        <span
          key={p.status}
          className={`status-bar-part status-${p.status}`}
          style={{ flexGrow: p.amount }}
          data-status={p.status}
          data-amount={p.amount}
        />
      ))}
    </div>
  );
}

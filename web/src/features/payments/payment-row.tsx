import { Link } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { formatMoney } from "../../lib/money.ts";
import type { StripePayment } from "../../lib/types.ts";
import { PAYMENT_STATUS_LABEL, PAYMENT_STATUS_TONE, PAYMENT_TYPES } from "./labels.ts";

type Props = { payment: StripePayment; invoiceNumber: string | undefined; onRawEvent: () => void };

/** The Stripe ids a support question starts from, most specific first. */
function stripeIds(p: StripePayment): string[] {
  const s = p.stripe;
  return [s.refund_id, s.charge_id, s.payment_intent_id, s.subscription_id, s.invoice_id, s.checkout_session_id].filter(
    (id): id is string => Boolean(id),
  );
}

export function PaymentRow({ payment: p, invoiceNumber, onRawEvent }: Props) {
  const amount = formatMoney(p.amount, p.currency);
  return (
    <tr data-testid="payment-row" data-payment-id={p.id} data-status={p.status} data-type={p.type}>
      <td className="nowrap">{formatDateTime(p.occurred_at)}</td>
      <td>{PAYMENT_TYPES.find((t) => t.value === p.type)?.label ?? p.type}</td>
      <td>
        <Pill tone={PAYMENT_STATUS_TONE[p.status]} testId="payment-status">
          {PAYMENT_STATUS_LABEL[p.status]}
        </Pill>
      </td>
      <td className="num" data-testid="payment-amount" data-amount={p.amount}>
        {p.type === "refund" ? `−${amount}` : amount}
      </td>
      <td>
        {p.payer_name ?? p.payer_email ?? "—"}
        {p.payer_name && p.payer_email ? <div className="muted small">{p.payer_email}</div> : null}
      </td>
      <td className="nowrap">
        {p.invoice_id && p.opportunity_id ? (
          <Link href={`/opportunities/${p.opportunity_id}`} data-testid="payment-invoice">
            {invoiceNumber ?? "Invoice"}
          </Link>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="stripe-ids">
        {stripeIds(p).map((id) => (
          <code key={id} className="small" title={id}>
            {id}
          </code>
        ))}
      </td>
      <td className="actions-cell">
        <Button size="sm" variant="ghost" onClick={onRawEvent} data-testid="payment-raw-event">
          Raw event
        </Button>
      </td>
    </tr>
  );
}

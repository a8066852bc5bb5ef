import { useEffect, useState } from "react";
import type { StripePaymentStatus, StripePaymentType } from "../../lib/types.ts";
import { PAYMENT_STATUS_LABEL, PAYMENT_STATUSES, PAYMENT_TYPES } from "./labels.ts";

export type PaymentFilterValues = { type: StripePaymentType | ""; status: StripePaymentStatus | ""; q: string };

type Props = { value: PaymentFilterValues; onChange: (next: PaymentFilterValues) => void };

/** Type, status and a search (payer or a Stripe id, from its start); the search applies once typing pauses. */
export function PaymentFilters({ value, onChange }: Props) {
  const [text, setText] = useState(value.q);
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === value.q) return;
    const timer = setTimeout(() => onChange({ ...value, q: trimmed }), 300);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <div className="toolbar" data-testid="payment-filters">
      <input
        type="search"
        aria-label="Search payments"
        placeholder="Search payer email or name, or a Stripe id (pi_…, ch_…, sub_…)"
        maxLength={200}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="payments-search"
      />
      <select
        aria-label="Filter by type"
        value={value.type}
        onChange={(e) => onChange({ ...value, type: e.target.value as PaymentFilterValues["type"] })}
        data-testid="payments-type-filter"
      >
        <option value="">All types</option>
        {PAYMENT_TYPES.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by status"
        value={value.status}
        onChange={(e) => onChange({ ...value, status: e.target.value as PaymentFilterValues["status"] })}
        data-testid="payments-status-filter"
      >
        <option value="">All statuses</option>
        {PAYMENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {PAYMENT_STATUS_LABEL[s]}
          </option>
        ))}
      </select>
    </div>
  );
}

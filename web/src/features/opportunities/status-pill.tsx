import { Pill } from "../../components/ui/pill.tsx";
import type { PaymentStatus } from "../../lib/types.ts";
import { PAYMENT_LABEL, PAYMENT_TONE } from "./payment.ts";

/** Beside a line's product name; absent for Unpaid and when the caller cannot read invoices. */
export function StatusPill({ status }: { status: PaymentStatus | undefined }) {
  if (!status || status === "unpaid") return null;
  return (
    <Pill tone={PAYMENT_TONE[status]} testId="status-pill">
      <span data-status={status}>{PAYMENT_LABEL[status]}</span>
    </Pill>
  );
}

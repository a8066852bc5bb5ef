import type { Tone } from "../../components/ui/pill.tsx";
import type { PaymentStatus } from "../../lib/types.ts";

export const PAYMENT_STATUSES: PaymentStatus[] = ["unpaid", "deposit_invoiced", "invoiced", "paid"];

export const PAYMENT_LABEL: Record<PaymentStatus, string> = {
  unpaid: "Unpaid",
  deposit_invoiced: "Deposit Invoiced",
  invoiced: "Invoiced",
  paid: "Paid",
};

export const PAYMENT_TONE: Record<PaymentStatus, Tone> = {
  unpaid: "grey",
  deposit_invoiced: "amber",
  invoiced: "blue",
  paid: "green",
};

export function paymentLabel(status: string | null | undefined): string {
  return status && status in PAYMENT_LABEL ? PAYMENT_LABEL[status as PaymentStatus] : (status ?? "—");
}

import type { Tone } from "../../components/ui/pill.tsx";
import type { PaymentLink, PaymentLinkInterval, StripePaymentStatus, StripePaymentType } from "../../lib/types.ts";

export const INTERVALS: { value: PaymentLinkInterval; label: string }[] = [
  { value: "day", label: "Daily" },
  { value: "week", label: "Weekly" },
  { value: "month", label: "Monthly" },
  { value: "year", label: "Yearly" },
];

const INTERVAL_LABEL: Record<PaymentLinkInterval, string> = {
  day: "Daily",
  week: "Weekly",
  month: "Monthly",
  year: "Yearly",
};

/** "One-time payment" or "Subscription · Monthly". */
export function linkModeLabel(link: Pick<PaymentLink, "mode" | "interval">): string {
  if (link.mode === "one_time") return "One-time payment";
  return link.interval ? `Subscription · ${INTERVAL_LABEL[link.interval]}` : "Subscription";
}

export const PAYMENT_TYPES: { value: StripePaymentType; label: string }[] = [
  { value: "payment", label: "Payment" },
  { value: "refund", label: "Refund" },
  { value: "subscription", label: "Subscription" },
];

export const PAYMENT_STATUS_LABEL: Record<StripePaymentStatus, string> = {
  processing: "Processing",
  succeeded: "Succeeded",
  failed: "Failed",
  refunded: "Refunded",
  pending: "Pending",
  canceled: "Canceled",
  active: "Active",
  past_due: "Past due",
  incomplete: "Incomplete",
  unpaid: "Unpaid",
};

export const PAYMENT_STATUS_TONE: Record<StripePaymentStatus, Tone> = {
  processing: "amber",
  succeeded: "green",
  failed: "red",
  refunded: "indigo",
  pending: "amber",
  canceled: "grey",
  active: "green",
  past_due: "red",
  incomplete: "amber",
  unpaid: "red",
};

export const PAYMENT_STATUSES = Object.keys(PAYMENT_STATUS_LABEL) as StripePaymentStatus[];

import type { Tone } from "../../components/ui/pill.tsx";
import type { InvoiceStatus, PaymentMethod, Portion } from "../../lib/types.ts";

export const PORTIONS: Portion[] = ["full", "deposit", "balance", "ongoing"];

export const PORTION_LABEL: Record<Portion, string> = {
  full: "Full",
  deposit: "Deposit",
  balance: "Balance",
  ongoing: "Ongoing",
};

export const PORTION_HINT: Record<Portion, string> = {
  full: "Unpaid lines, in full",
  deposit: "Unpaid lines with a deposit %",
  balance: "What is left after deposits",
  ongoing: "Recurring lines, this period",
};

export const STATUS_LABEL: Record<InvoiceStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Awaiting approval",
  AUTHORISED: "Awaiting payment",
  PAID: "Paid",
  VOIDED: "Voided",
  DELETED: "Deleted",
};

export const STATUS_TONE: Record<InvoiceStatus, Tone> = {
  DRAFT: "grey",
  SUBMITTED: "amber",
  AUTHORISED: "blue",
  PAID: "green",
  VOIDED: "red",
  DELETED: "red",
};

export type InvoiceAction = "send" | "pay" | "edit" | "void";

const LOCKED: InvoiceStatus[] = ["PAID", "VOIDED", "DELETED"];

export function isLocked(status: InvoiceStatus): boolean {
  return LOCKED.includes(status);
}

/** The Actions column for one invoice, in display order; locked invoices have none. */
export function actionsFor(status: InvoiceStatus): InvoiceAction[] {
  if (isLocked(status)) return [];
  const actions: InvoiceAction[] = [];
  if (status === "DRAFT" || status === "SUBMITTED") actions.push("send");
  if (status === "AUTHORISED" || status === "SUBMITTED") actions.push("pay");
  actions.push("edit", "void");
  return actions;
}

export const PAYMENT_METHODS = [
  { value: "bank_transfer", label: "Bank transfer" },
  { value: "cash", label: "Cash" },
  { value: "card", label: "Card" },
  { value: "cheque", label: "Cheque" },
  { value: "other", label: "Other" },
] as const satisfies readonly { value: PaymentMethod; label: string }[];

import type { Tone } from "../../components/ui/pill.tsx";
import type { Invoice, InvoiceAction, InvoiceStatus, PaymentMethod, Portion } from "../../lib/types.ts";

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

const LOCKED: InvoiceStatus[] = ["PAID", "VOIDED", "DELETED"];

/** PAID, VOIDED and DELETED are read-only; the card greys their figures. */
export function isLocked(status: InvoiceStatus): boolean {
  return LOCKED.includes(status);
}

const STATUS_ORDER: InvoiceStatus[] = ["DRAFT", "SUBMITTED", "AUTHORISED", "PAID", "VOIDED", "DELETED"];

/**
 * The statuses the member may pick, from the invoice's allowed actions: before approval it moves between
 * Draft and Awaiting approval (and, in Xero, straight to Awaiting payment); a deletable one may be deleted.
 * Approving a native invoice is Send, which emails it, so it is not offered here.
 */
export function statusChoices(invoice: {
  status: InvoiceStatus;
  provider: Invoice["provider"];
  allowed_actions: readonly InvoiceAction[];
}): InvoiceStatus[] {
  const allowed = invoice.allowed_actions;
  const choices = new Set<InvoiceStatus>([invoice.status]);
  if (allowed.includes("approve")) {
    choices.add("DRAFT");
    choices.add("SUBMITTED");
    if (invoice.provider === "xero") choices.add("AUTHORISED");
  }
  if (allowed.includes("delete")) choices.add("DELETED");
  return STATUS_ORDER.filter((s) => choices.has(s));
}

export const PAYMENT_METHODS = [
  { value: "bank_transfer", label: "Bank transfer" },
  { value: "cash", label: "Cash" },
  { value: "card", label: "Card" },
  { value: "cheque", label: "Cheque" },
  { value: "other", label: "Other" },
] as const satisfies readonly { value: PaymentMethod; label: string }[];

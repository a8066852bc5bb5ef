import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { todayIso } from "../../lib/format.ts";
import { formatMoney, parseMoney, toMajorText } from "../../lib/money.ts";
import type { Invoice, PaymentMethod } from "../../lib/types.ts";
import { PAYMENT_METHODS } from "./labels.ts";
import { useRecordPayment } from "./use-invoice-mutations.ts";

type Props = { open: boolean; invoice: Invoice; onClose: () => void };
const FIELDS = ["amount", "paid_on", "method", "reference"];

/** A manual payment (cash, bank transfer…): defaults to the full amount due today; partial payments allowed. */
export function MarkPaidDialog({ open, invoice, onClose }: Props) {
  const toast = useToast();
  // Absent without invoices:read; the server still refuses more than is due.
  const due = invoice.amount_due_amount;
  const startText = due === undefined ? "" : toMajorText(due, invoice.currency);
  const [amountText, setAmountText] = useState(startText);
  const [paidOn, setPaidOn] = useState(todayIso());
  const [method, setMethod] = useState<PaymentMethod>("bank_transfer");
  const [reference, setReference] = useState("");
  const pay = useRecordPayment(invoice);
  const amount = parseMoney(amountText, invoice.currency);
  const amountProblem =
    amount === null || amount <= 0
      ? "Enter an amount above zero."
      : due !== undefined && amount > due
        ? `At most the ${formatMoney(due, invoice.currency)} due.`
        : undefined;
  const close = () => {
    pay.reset();
    setAmountText(startText);
    setReference("");
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (amount === null || amountProblem) return;
    const body = { amount, paid_on: paidOn, method, ...(reference.trim() ? { reference: reference.trim() } : {}) };
    pay.mutate(body, {
      onSuccess: (saved) => {
        toast(saved.status === "PAID" ? `${saved.number} is paid` : `Payment recorded on ${saved.number}`);
        close();
      },
    });
  };
  return (
    <Dialog open={open} title={`Mark ${invoice.number} as paid`} onClose={close} testId="mark-paid-dialog">
      <form className="form" onSubmit={submit}>
        <ErrorBanner error={pay.error} shownFields={FIELDS} />
        {due !== undefined && invoice.total_amount !== undefined ? (
          <p className="muted">
            {formatMoney(due, invoice.currency)} due of {formatMoney(invoice.total_amount, invoice.currency)}.
          </p>
        ) : null}
        <div className="grid-2">
          <Field label="Payment date" error={pay.error?.issueFor("paid_on")}>
            {(id) => <input id={id} type="date" required value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />}
          </Field>
          <Field
            label={`Amount (${invoice.currency})`}
            error={pay.error?.issueFor("amount") ?? (amountText ? amountProblem : undefined)}
          >
            {(id) => (
              <input
                id={id}
                inputMode="decimal"
                required
                value={amountText}
                onChange={(e) => setAmountText(e.target.value)}
                data-testid="payment-amount"
              />
            )}
          </Field>
          <Field label="Method" error={pay.error?.issueFor("method")}>
            {(id) => (
              <select
                id={id}
                value={method}
                onChange={(e) => setMethod(e.target.value as PaymentMethod)}
                data-testid="payment-method"
              >
                {PAYMENT_METHODS.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Reference" error={pay.error?.issueFor("reference")} hint="Optional, e.g. bank reference">
            {(id) => <input id={id} maxLength={255} value={reference} onChange={(e) => setReference(e.target.value)} />}
          </Field>
        </div>
        <div className="form-actions">
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            busy={pay.isPending}
            disabled={Boolean(amountProblem)}
            data-testid="record-payment"
          >
            Record {amount !== null && amount > 0 ? formatMoney(amount, invoice.currency) : "payment"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

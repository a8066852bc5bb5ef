import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { Field } from "../../components/ui/field.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { ApiError } from "../../lib/api.ts";
import { todayIso } from "../../lib/format.ts";
import { formatMoney, parseMoney, toMajorText } from "../../lib/money.ts";
import type { Invoice } from "../../lib/types.ts";
import { useXeroOptions } from "../integrations/queries.ts";
import { useRecordXeroPayment } from "./use-invoice-mutations.ts";

type Props = { open: boolean; invoice: Invoice; onClose: () => void };
const FALLBACK = "Failed to record payment.";

/** Xero's own refusal (a 4xx carries its validation message); anything else is the plain fallback. */
function PaymentError({ error }: { error: unknown }) {
  if (!error) return null;
  const refused = error instanceof ApiError && error.status >= 400 && error.status < 500;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <div>
        <strong data-testid="error-message">{refused ? error.message : FALLBACK}</strong>
        {refused && error.fix ? <p className="error-fix">{error.fix}</p> : null}
        {error instanceof ApiError && error.requestId ? (
          <p className="error-request">Request id {error.requestId}</p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Mark as Paid on a Xero invoice: the payment date, the Xero bank account it went into and the amount, the
 * amount due unless a part is typed. Product lines catch up on the sync the server queues straight after.
 */
export function XeroPaymentDialog({ open, invoice, onClose }: Props) {
  const toast = useToast();
  const banks = useXeroOptions("bank-accounts", open);
  const [paidOn, setPaidOn] = useState(todayIso());
  const [picked, setPicked] = useState("");
  const pay = useRecordXeroPayment(invoice);
  const bankId = picked || banks.data?.[0]?.id || "";
  // Absent without invoices:read: then the field starts empty and an empty field means the amount due.
  const due = invoice.amount_due_amount;
  const startText = due === undefined ? "" : toMajorText(due, invoice.currency);
  const [amountText, setAmountText] = useState(startText);
  const amount = amountText.trim() ? parseMoney(amountText, invoice.currency) : undefined;
  const amountProblem =
    amount === null || (amount !== undefined && amount <= 0)
      ? "Enter an amount above zero."
      : amount !== undefined && due !== undefined && amount > due
        ? `At most the ${formatMoney(due, invoice.currency)} due.`
        : undefined;
  const close = () => {
    pay.reset();
    setAmountText(startText);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (amountProblem) return;
    // The whole amount due is sent as no amount, so Xero's own figure is paid even if it moved meanwhile.
    const part = typeof amount === "number" && amount !== due ? { amount } : {};
    pay.mutate(
      { paid_on: paidOn, bank_account_id: bankId, ...part },
      {
        onSuccess: (saved) => {
          toast(`Payment recorded in Xero on ${saved.number}; product lines update with the next sync.`);
          close();
        },
      },
    );
  };
  return (
    <Dialog open={open} title={`Mark ${invoice.number} as paid`} onClose={close} testId="xero-payment-dialog">
      <form className="form" onSubmit={submit}>
        <PaymentError error={pay.error ?? banks.error} />
        <div className="grid-2">
          <Field label="Payment date" error={pay.error?.issueFor("paid_on")}>
            {(id) => (
              <input
                id={id}
                type="date"
                required
                value={paidOn}
                onChange={(e) => setPaidOn(e.target.value)}
                data-testid="xero-paid-on"
              />
            )}
          </Field>
          <Field label="Paid into" error={pay.error?.issueFor("bank_account_id")}>
            {(id) => (
              <select
                id={id}
                required
                value={bankId}
                disabled={banks.isPending}
                onChange={(e) => setPicked(e.target.value)}
                data-testid="xero-bank-account"
              >
                {banks.isPending ? <option value="">Loading bank accounts…</option> : null}
                {banks.data?.length === 0 ? <option value="">No bank account takes payments in Xero</option> : null}
                {(banks.data ?? []).map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                    {b.detail ? ` · ${b.detail}` : ""}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={`Amount (${invoice.currency})`}
            error={pay.error?.issueFor("amount") ?? amountProblem}
            hint="The amount due, or less for a part payment"
          >
            {(id) => (
              <input
                id={id}
                inputMode="decimal"
                value={amountText}
                onChange={(e) => setAmountText(e.target.value)}
                data-testid="xero-payment-amount"
              />
            )}
          </Field>
        </div>
        <div className="form-actions">
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            busy={pay.isPending}
            disabled={!bankId || Boolean(amountProblem)}
            data-testid="record-xero-payment"
          >
            Record {typeof amount === "number" && amount > 0 ? formatMoney(amount, invoice.currency) : "payment"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

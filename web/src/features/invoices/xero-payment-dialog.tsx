import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { Field } from "../../components/ui/field.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { ApiError } from "../../lib/api.ts";
import { todayIso } from "../../lib/format.ts";
import { formatMoney } from "../../lib/money.ts";
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
 * Mark as Paid on a Xero invoice: the payment date and the Xero bank account it went into; the whole amount
 * due is recorded in Xero. Product lines catch up on the sync the server queues straight after.
 */
export function XeroPaymentDialog({ open, invoice, onClose }: Props) {
  const toast = useToast();
  const banks = useXeroOptions("bank-accounts", open);
  const [paidOn, setPaidOn] = useState(todayIso());
  const [picked, setPicked] = useState("");
  const pay = useRecordXeroPayment(invoice);
  const bankId = picked || banks.data?.[0]?.id || "";
  const due = invoice.amount_due_amount;
  const close = () => {
    pay.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    pay.mutate(
      { paid_on: paidOn, bank_account_id: bankId },
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
        </div>
        <div className="form-actions">
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            busy={pay.isPending}
            disabled={!bankId}
            data-testid="record-xero-payment"
          >
            Record {due === undefined ? "payment" : formatMoney(due, invoice.currency)}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

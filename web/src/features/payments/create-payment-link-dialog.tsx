import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { formatMoney } from "../../lib/money.ts";
import type { Invoice, PaymentLinkInterval, PaymentLinkMode } from "../../lib/types.ts";
import { linkModeLabel } from "./labels.ts";
import { LinkModeFields } from "./link-mode-fields.tsx";
import { useCreatePaymentLink } from "./queries.ts";

type Props = { invoice: Invoice; onClose: () => void };

/** One-time (the amount due, paid once) or a subscription (the total every period); replacing asks first. */
export function CreatePaymentLinkDialog({ invoice, onClose }: Props) {
  const toast = useToast();
  const [mode, setMode] = useState<PaymentLinkMode>("one_time");
  const [interval, setPeriod] = useState<PaymentLinkInterval>("month");
  const [replaceConfirmed, setReplaceConfirmed] = useState(false);
  const create = useCreatePaymentLink(invoice);
  const current = invoice.payment_link?.active ? invoice.payment_link : null;
  const money = (amount: number | undefined) => (amount === undefined ? null : formatMoney(amount, invoice.currency));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (current && !replaceConfirmed) return;
    const body = mode === "subscription" ? { mode, interval } : { mode };
    create.mutate(body, {
      onSuccess: () => {
        toast(`Payment link ready for ${invoice.number}`);
        onClose();
      },
    });
  };
  return (
    <Dialog open title={`Payment link for ${invoice.number}`} onClose={onClose} testId="payment-link-dialog">
      <form className="form" onSubmit={submit}>
        <ErrorBanner error={create.error} />
        <LinkModeFields
          mode={mode}
          interval={interval}
          dueText={money(invoice.amount_due_amount)}
          totalText={money(invoice.total_amount)}
          onMode={setMode}
          onInterval={setPeriod}
        />
        {current ? (
          <div className="warning" data-testid="replace-link-warning">
            <p>
              <strong>{invoice.number} already has an active link</strong> ({linkModeLabel(current)}). Making a new one
              replaces it: the current link stops working.
            </p>
            <label className="check">
              <input
                type="checkbox"
                checked={replaceConfirmed}
                onChange={(e) => setReplaceConfirmed(e.target.checked)}
                data-testid="confirm-replace-link"
              />
              Replace the link; the current link stops working
            </label>
          </div>
        ) : null}
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            busy={create.isPending}
            disabled={Boolean(current) && !replaceConfirmed}
            data-testid="submit-payment-link"
          >
            {current ? "Replace payment link" : "Create payment link"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

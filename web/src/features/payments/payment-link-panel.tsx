import { CopyButton } from "../../components/ui/copy-button.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import type { Invoice, PaymentLink } from "../../lib/types.ts";
import { linkModeLabel } from "./labels.ts";
import { SyncPayments } from "./sync-payments.tsx";

function LinkState({ link }: { link: PaymentLink }) {
  return (
    <span className="inline payment-link-state">
      <span className="muted small" data-testid="payment-link-mode-label">
        {linkModeLabel(link)}
      </span>
      <Pill tone={link.active ? "green" : "grey"} testId="payment-link-active">
        {link.active ? "Active" : "Inactive"}
      </Pill>
      {link.last_payment_status === "processing" ? (
        <span title="A bank debit is settling; the invoice is marked paid once it clears.">
          <Pill tone="amber" testId="payment-link-processing">
            Processing
          </Pill>
        </span>
      ) : null}
    </span>
  );
}

/** The invoice's Stripe payment link: copy or open it, what it charges, whether it still works, and a sync. */
export function PaymentLinkPanel({ invoice, canWrite }: { invoice: Invoice; canWrite: boolean }) {
  const link = invoice.payment_link;
  if (!link) return null;
  const canSync = canWrite && invoice.allowed_actions.includes("sync_payments");
  return (
    <div
      className="payment-link-panel"
      data-testid="payment-link"
      data-url={link.url}
      data-active={link.active ? "true" : "false"}
      data-mode={link.mode}
    >
      <div className="payment-link-main">
        <strong className="small">Payment link</strong>
        <a
          href={link.url}
          target="_blank"
          rel="noreferrer"
          className="payment-link-url small"
          data-testid="payment-link-url"
        >
          {link.url}
        </a>
        <LinkState link={link} />
      </div>
      <div className="row-actions">
        <CopyButton text={link.url} label="Copy link" />
        <a
          className="btn btn-secondary btn-sm"
          href={link.url}
          target="_blank"
          rel="noreferrer"
          data-testid="open-payment-link"
        >
          Open
        </a>
        {canSync ? <SyncPayments invoice={invoice} /> : null}
      </div>
    </div>
  );
}

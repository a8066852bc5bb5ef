import { memo } from "react";
import { Link } from "wouter";
import { Pill } from "../../components/ui/pill.tsx";
import { formatDate, todayIso } from "../../lib/format.ts";
import { formatMoney } from "../../lib/money.ts";
import { useCan } from "../../lib/session.tsx";
import type { Invoice } from "../../lib/types.ts";
import { InvoiceMailPanel } from "../mail/invoice-mail-panel.tsx";
import { PaymentLinkPanel } from "../payments/payment-link-panel.tsx";
import { InvoiceActions } from "./invoice-actions.tsx";
import { isLocked, PORTION_LABEL, STATUS_LABEL, STATUS_TONE } from "./labels.ts";
import { VoidHint } from "./void-hint.tsx";
import { XeroTotalNote } from "./xero-total-note.tsx";

// formatDate builds an Intl.DateTimeFormat on every call, about a millisecond each, and a list of cards shows
// the same few days over and over.
const dayTexts = new Map<string, string>();
function formatDay(day: string | null): string {
  if (!day) return formatDate(day);
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = formatDate(day);
    dayTexts.set(day, text);
  }
  return text;
}

function Figure({ label, testId, children }: { label: string; testId: string; children: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** Xero's own page for the invoice, where a member can see what Xero holds. */
function xeroUrl(invoice: Invoice): string | null {
  return invoice.xero_invoice_id
    ? `https://go.xero.com/AccountsReceivable/View.aspx?InvoiceID=${invoice.xero_invoice_id}`
    : null;
}

/**
 * Number, portion, status, total, amount due, due date and the actions this state allows. A Xero invoice shows
 * Xero's number and Xero's totals. Memoised: the summary above the list is fetched again after every change,
 * and that alone should not render every card.
 */
export const InvoiceCard = memo(function InvoiceCard({ invoice }: { invoice: Invoice }) {
  const canWrite = useCan("invoices:write");
  const canRead = useCan("invoices:read");
  const canSeeXeroLog = useCan("integrations:read");
  // Amounts are absent from the response for callers without invoices:read.
  const money = (amount: number | undefined) => (amount === undefined ? "—" : formatMoney(amount, invoice.currency));
  const overdue = invoice.status === "AUTHORISED" && invoice.due_date !== null && invoice.due_date < todayIso();
  const xero = invoice.provider === "xero";
  const pending = xero && invoice.xero_invoice_id === null;
  const link = xeroUrl(invoice);
  return (
    <article
      className={["invoice-card", isLocked(invoice.status) ? "invoice-locked" : "", canWrite ? "" : "invoice-readonly"]
        .filter(Boolean)
        .join(" ")}
      data-testid="invoice-card"
      data-invoice-id={invoice.id}
      data-provider={invoice.provider}
      data-xero-invoice-id={invoice.xero_invoice_id ?? undefined}
      data-pending={pending ? "true" : undefined}
      data-number={invoice.number}
      data-portion={invoice.portion}
      data-status={invoice.status}
      data-total-amount={invoice.total_amount}
      data-due-amount={invoice.amount_due_amount}
      data-payment-link={invoice.payment_link ? (invoice.payment_link.active ? "active" : "inactive") : undefined}
    >
      <div className="invoice-head">
        <div className="invoice-title">
          {pending ? (
            <strong className="muted" data-testid="invoice-pending">
              Being created in Xero…
            </strong>
          ) : (
            <strong data-testid="invoice-number">{invoice.number}</strong>
          )}
          {xero ? <span className="provider-tag">Xero</span> : null}
          <span className="muted" data-testid="invoice-portion">
            {PORTION_LABEL[invoice.portion]}
          </span>
          <Pill tone={overdue ? "red" : STATUS_TONE[invoice.status]} testId="invoice-status">
            {overdue ? "Overdue" : STATUS_LABEL[invoice.status]}
          </Pill>
        </div>
        <p className="muted small">
          Issued {formatDay(invoice.issue_date)}
          {invoice.reference ? ` · Ref ${invoice.reference}` : ""}
          {invoice.lines.length === 1 ? " · 1 line" : ` · ${invoice.lines.length} lines`}
          {link ? (
            <>
              {" · "}
              <a href={link} target="_blank" rel="noreferrer" data-testid="open-in-xero">
                Open in Xero
              </a>
            </>
          ) : null}
          {xero && canSeeXeroLog ? (
            <>
              {" · "}
              <Link href={`/settings/integrations/xero/log?record=${invoice.id}`} data-testid="invoice-xero-log">
                Xero log
              </Link>
            </>
          ) : null}
          {canRead && !pending ? (
            <>
              {" · "}
              <a href={`/api/v1/invoices/${invoice.id}/pdf`} download data-testid="download-pdf">
                Download PDF
              </a>
            </>
          ) : null}
        </p>
      </div>
      <dl className="invoice-figures">
        <Figure label="Total" testId="invoice-total">
          {money(invoice.total_amount)}
        </Figure>
        <Figure label="Amount due" testId="invoice-due">
          {money(invoice.amount_due_amount)}
        </Figure>
        <Figure label="Due date" testId="invoice-due-date">
          {formatDay(invoice.due_date)}
        </Figure>
      </dl>
      {canWrite ? <InvoiceActions invoice={invoice} /> : null}
      <InvoiceMailPanel invoice={invoice} canWrite={canWrite} />
      <PaymentLinkPanel invoice={invoice} canWrite={canWrite} />
      <XeroTotalNote invoice={invoice} />
      {invoice.status === "VOIDED" && canWrite ? <VoidHint invoice={invoice} /> : null}
    </article>
  );
});

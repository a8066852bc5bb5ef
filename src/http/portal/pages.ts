import { formatMoney } from "../../lib/money.ts";
import type { PortalInvoice, PortalInvoiceState } from "../../modules/portal/index.ts";
import { type Html, html } from "./html.ts";
import { type PageBrand, portalPage } from "./layout.ts";

const STATE_LABEL: Record<PortalInvoiceState, string> = {
  awaiting_payment: "Awaiting payment",
  paid: "Paid",
  void: "Void",
};

function formatDay(day: string | null): string {
  if (!day) return "—";
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** Only web addresses become links; anything else stored as a payment link is not shown. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function invoiceItem(invoice: PortalInvoice): Html {
  const pdf = `/portal/invoices/${encodeURIComponent(invoice.id)}/pdf`;
  return html`<li data-testid="portal-invoice" data-invoice-id="${invoice.id}" data-state="${invoice.state}">
<div class="row"><span class="number" data-testid="portal-invoice-number">${invoice.number}</span>
<span class="status status-${invoice.state}" data-testid="portal-invoice-status">${STATE_LABEL[invoice.state]}</span></div>
<dl>
<div><dt>Amount due</dt><dd data-testid="portal-invoice-due">${formatMoney(invoice.amountDueAmount, invoice.currency)}</dd></div>
<div><dt>Total</dt><dd>${formatMoney(invoice.totalAmount, invoice.currency)}</dd></div>
<div><dt>Due date</dt><dd data-testid="portal-invoice-due-date">${formatDay(invoice.dueDate)}</dd></div>
</dl>
<div class="actions">
<a class="button" href="${pdf}" download data-testid="portal-invoice-pdf">Download PDF</a>
${
  invoice.payUrl && isWebUrl(invoice.payUrl)
    ? html`<a class="button pay" href="${invoice.payUrl}" rel="noopener noreferrer" data-testid="portal-pay-now">Pay now</a>`
    : null
}
</div>
</li>`;
}

export function invoicesPage(brand: PageBrand, companyName: string, invoices: PortalInvoice[]): string {
  const list =
    invoices.length === 0
      ? html`<div class="notice"><p>There are no invoices to show yet.</p></div>`
      : html`<ul class="invoices">${invoices.map(invoiceItem)}</ul>`;
  const footer = html`<footer><form method="post" action="/portal/sign-out"><button class="link" type="submit">Sign out</button></form></footer>`;
  return portalPage(
    `Invoices for ${companyName}`,
    html`<h1 data-testid="portal-company">Invoices for ${companyName}</h1>
<p class="muted">From ${brand.name}. Download a PDF of any invoice${
      invoices.some((i) => i.payUrl) ? ", or pay online with Pay now" : ""
    }.</p>
${list}`,
    brand,
    footer,
  );
}

/** The same words for an unknown, expired or revoked link: the page does not say which. */
export function linkEndedPage(): string {
  return portalPage(
    "This link has expired",
    html`<div class="notice" data-testid="portal-link-ended">
<h1>This link has expired or was revoked</h1>
<p>For your security, invoice links stop working after a while or when the sender replaces them.</p>
<p>Please ask the person who sent it to you for a new link.</p>
</div>`,
  );
}

export function tooManyAttemptsPage(retryAfter: number): string {
  return portalPage(
    "Too many attempts",
    html`<div class="notice" data-testid="portal-rate-limited">
<h1>Too many attempts</h1>
<p>Please wait ${retryAfter} seconds, then open your link again.</p>
</div>`,
  );
}

export function notFoundPage(): string {
  return portalPage(
    "Not found",
    html`<div class="notice" data-testid="portal-not-found">
<h1>Not found</h1>
<p>There is nothing here. <a href="/portal">Back to your invoices</a>.</p>
</div>`,
  );
}

export function unavailablePage(): string {
  return portalPage(
    "Not available right now",
    html`<div class="notice" data-testid="portal-unavailable">
<h1>This document is not available right now</h1>
<p>Please try again in a few minutes. <a href="/portal">Back to your invoices</a>.</p>
</div>`,
  );
}

export function signedOutPage(): string {
  return portalPage(
    "Signed out",
    html`<div class="notice" data-testid="portal-signed-out">
<h1>You are signed out</h1>
<p>Open the link you were sent to see your invoices again.</p>
</div>`,
  );
}

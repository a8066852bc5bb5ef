import type { MailBranding } from "./branding-of.ts";
import { escapeHtml, plainLine, safeColor, safeHref } from "./html.ts";
import { button, layout } from "./layout.ts";

export type InvoiceMailData = {
  branding: MailBranding;
  recipientName: string | null;
  number: string;
  /** Already formatted with formatMoney. */
  amountDue: string;
  total: string;
  /** Null when the invoice carries no tax. */
  tax: string | null;
  dueDate: string | null;
  lines: { description: string; amount: string }[];
  payNowUrl: string | null;
  portalUrl: string;
};

const SHOWN_LINES = 10;

/** Subject, HTML and plain-text alternative of an invoice email. Every value is escaped where it lands. */
export function renderInvoiceMail(data: InvoiceMailData): { subject: string; html: string; text: string } {
  const { branding } = data;
  const subject = plainLine(`Invoice ${data.number} from ${branding.name}`);
  const shown = data.lines.slice(0, SHOWN_LINES);
  const more = data.lines.length - shown.length;
  const greeting = data.recipientName ? `Hello ${data.recipientName},` : "Hello,";
  const due = data.dueDate ? `due ${data.dueDate}` : "due on receipt";
  const accent = safeColor(branding.accentColor);

  const rows = shown
    .map(
      (line) =>
        `<tr><td style="padding:6px 0;border-bottom:1px solid #eceef2">${escapeHtml(line.description)}</td><td align="right" style="padding:6px 0;border-bottom:1px solid #eceef2;white-space:nowrap">${escapeHtml(line.amount)}</td></tr>`,
    )
    .join("");
  const html = layout(
    branding,
    subject,
    [
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(branding.name)} has sent you invoice <strong data-mail-field="number">${escapeHtml(data.number)}</strong>.</p>`,
      `<p style="font-size:22px;margin:16px 0 4px;color:${accent}"><strong data-mail-field="amount-due">${escapeHtml(data.amountDue)}</strong></p>`,
      `<p style="margin:0 0 16px;color:#5b6270" data-mail-field="due">Amount due, ${escapeHtml(due)}</p>`,
      `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="font-size:14px">${rows}`,
      more > 0 ? `<tr><td colspan="2" style="padding:6px 0;color:#5b6270">and ${more} more</td></tr>` : "",
      data.tax
        ? `<tr><td style="padding:6px 0">Tax</td><td align="right" style="padding:6px 0">${escapeHtml(data.tax)}</td></tr>`
        : "",
      `<tr><td style="padding:8px 0"><strong>Total</strong></td><td align="right" style="padding:8px 0"><strong>${escapeHtml(data.total)}</strong></td></tr></table>`,
      data.payNowUrl ? button("Pay now", data.payNowUrl, branding.accentColor, "pay-now") : "",
      `<p>See all your invoices and download PDFs in your <a href="${safeHref(data.portalUrl)}" data-mail-link="portal" style="color:${accent}">client portal</a>.</p>`,
      `<p style="color:#5b6270;font-size:13px">The invoice is attached as a PDF.</p>`,
    ].join("\n"),
  );

  const text = [
    plainLine(greeting),
    "",
    plainLine(`${branding.name} has sent you invoice ${data.number}.`),
    "",
    plainLine(`Amount due: ${data.amountDue} (${due})`),
    "",
    ...shown.map((line) => `- ${plainLine(line.description)}: ${line.amount}`),
    ...(more > 0 ? [`- and ${more} more`] : []),
    ...(data.tax ? [`Tax: ${data.tax}`] : []),
    `Total: ${data.total}`,
    "",
    ...(data.payNowUrl ? [`Pay now: ${data.payNowUrl}`, ""] : []),
    `Client portal: ${data.portalUrl}`,
    "",
    "The invoice is attached as a PDF.",
  ].join("\n");
  return { subject, html, text };
}

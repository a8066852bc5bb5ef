import { formatMoney, subtractMinor, sumMinor } from "../../lib/money.ts";
import type { Portion } from "../billing/index.ts";
import type { InvoiceDocument } from "./invoice-document.ts";
import { ensureRoom, FONT, FONT_BOLD, INK, MUTED, type Pdf, pageBottom, RULE } from "./pdf-kit.ts";

export const PORTION_LABEL: Record<Portion, string> = {
  deposit: "Deposit",
  balance: "Balance",
  full: "Full",
  ongoing: "Ongoing",
};

const STATUS_NOTE: Partial<Record<InvoiceDocument["invoice"]["status"], string>> = {
  DRAFT: "Draft",
  PAID: "Paid",
  VOIDED: "Void",
  DELETED: "Deleted",
};

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "2026-12-01" → "1 Dec 2026", read as a calendar day (no time zone can move it). */
export function formatDay(day: string): string {
  return DAY.format(new Date(`${day}T00:00:00Z`));
}

/** Logo on the left; the business's name, address and tax number on the right. Answers the y below. */
export function drawBrandingHeader(doc: Pdf, document: InvoiceDocument): number {
  const { branding } = document;
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  const top = doc.page.margins.top;
  let logoBottom = top;
  if (branding.logo) {
    doc.image(branding.logo.content, left, top, { fit: [160, 60] });
    logoBottom = top + 60;
  }
  const blockWidth = 240;
  const x = right - blockWidth;
  doc.font(FONT_BOLD).fontSize(13).fillColor(INK).text(branding.name, x, top, { width: blockWidth, align: "right" });
  doc.font(FONT).fontSize(9).fillColor(MUTED);
  if (branding.address) doc.text(branding.address, { width: blockWidth, align: "right" });
  if (branding.taxNumber) doc.text(`Tax number: ${branding.taxNumber}`, { width: blockWidth, align: "right" });
  const bottom = Math.max(logoBottom, doc.y) + 12;
  doc.rect(left, bottom, right - left, 3).fill(branding.accentColor);
  return bottom + 18;
}

/** "Invoice INV-0001", the portion and, when it matters, the status. */
export function drawTitle(doc: Pdf, document: InvoiceDocument, y: number): number {
  const { invoice, branding } = document;
  const left = doc.page.margins.left;
  doc.font(FONT_BOLD).fontSize(20).fillColor(branding.accentColor).text(`Invoice ${invoice.number}`, left, y);
  const status = STATUS_NOTE[invoice.status];
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor(MUTED)
    .text(`${PORTION_LABEL[invoice.portion]} invoice${status ? ` · ${status}` : ""}`, left, doc.y + 2);
  return doc.y + 14;
}

function labelled(doc: Pdf, label: string, lines: string[], x: number, y: number, width: number): number {
  doc.font(FONT_BOLD).fontSize(8).fillColor(MUTED).text(label.toUpperCase(), x, y, { width });
  doc.font(FONT).fontSize(10).fillColor(INK);
  for (const line of lines) doc.text(line, x, doc.y + 1, { width });
  return doc.y;
}

/** Bill to (the opportunity's company and primary contact) beside the dates and reference. */
export function drawParties(doc: Pdf, document: InvoiceDocument, y: number): number {
  const { invoice, company, contact } = document;
  const left = doc.page.margins.left;
  const half = (doc.page.width - doc.page.margins.left - doc.page.margins.right) / 2;
  const billTo = [
    ...(company ? [company.name] : []),
    ...(contact ? [contact.name, ...(contact.email ? [contact.email] : [])] : []),
    ...(!contact && company?.email ? [company.email] : []),
  ];
  const billBottom = labelled(doc, "Bill to", billTo.length > 0 ? billTo : ["—"], left, y, half - 20);
  const details = [
    `Issue date: ${formatDay(invoice.issueDate)}`,
    `Due date: ${invoice.dueDate ? formatDay(invoice.dueDate) : "—"}`,
    ...(invoice.reference ? [`Reference: ${invoice.reference}`] : []),
    `Currency: ${invoice.currency}`,
  ];
  const detailBottom = labelled(doc, "Details", details, left + half, y, half);
  return Math.max(billBottom, detailBottom) + 18;
}

/** Subtotal, tax, total, paid and due, right-aligned under the amounts column. */
export function drawTotals(doc: Pdf, document: InvoiceDocument, startY: number): number {
  const { invoice, branding } = document;
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const inclusive = invoice.taxMode === "inclusive";
  const rows: [string, string, boolean][] = [
    [inclusive ? "Subtotal (excl. tax)" : "Subtotal", money(invoice.subtotalAmount), false],
    [inclusive ? "Tax included" : "Tax", money(invoice.taxAmount), false],
    [inclusive ? "Total (incl. tax)" : "Total", money(invoice.totalAmount), true],
    ["Amount paid", money(invoice.amountPaidAmount), false],
    ["Amount due", money(subtractMinor(invoice.totalAmount, invoice.amountPaidAmount)), true],
  ];
  const right = doc.page.width - doc.page.margins.right;
  const labelX = right - 260;
  let y = ensureRoom(doc, startY + 6, rows.length * 16 + 10).y;
  for (const [label, value, strong] of rows) {
    doc
      .font(strong ? FONT_BOLD : FONT)
      .fontSize(strong ? 11 : 10)
      .fillColor(INK);
    doc.text(label, labelX, y, { width: 140 });
    doc.text(value, labelX + 140, y, { width: 115, align: "right" });
    y += 16;
    if (label.startsWith("Total")) {
      doc
        .moveTo(labelX, y - 2)
        .lineTo(right, y - 2)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      y += 2;
    }
  }
  if (inclusive) {
    doc.font(FONT).fontSize(8).fillColor(MUTED).text("Prices include tax.", labelX, y, { width: 255, align: "right" });
    y = doc.y;
  }
  doc.fillColor(branding.accentColor);
  return y + 12;
}

/** On a balance invoice: the deposits already invoiced, which its lines' amounts are net of. */
export function drawEarlierDeposits(doc: Pdf, document: InvoiceDocument, startY: number): number {
  const { earlierDeposits, invoice } = document;
  if (invoice.billedPortion !== "balance" || earlierDeposits.length === 0) return startY;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  let y = ensureRoom(doc, startY, 30 + earlierDeposits.length * 14).y;
  doc.font(FONT_BOLD).fontSize(10).fillColor(INK).text("Deposit already invoiced", left, y, { width });
  doc.font(FONT).fontSize(9).fillColor(INK);
  for (const deposit of earlierDeposits) {
    doc.text(
      `${deposit.number} · issued ${formatDay(deposit.issueDate)} · ${formatMoney(deposit.totalAmount, deposit.currency)}`,
      left,
      doc.y + 2,
      { width },
    );
  }
  const sameCurrency = earlierDeposits.every((d) => d.currency === invoice.currency);
  if (sameCurrency && earlierDeposits.length > 1) {
    const total = sumMinor(earlierDeposits.map((d) => d.totalAmount));
    doc.text(`Deposits invoiced in total: ${formatMoney(total, invoice.currency)}`, left, doc.y + 2, { width });
  }
  doc
    .font(FONT)
    .fontSize(8)
    .fillColor(MUTED)
    .text("This balance is what remains after them.", left, doc.y + 2);
  y = doc.y;
  return y + 14;
}

/** A clickable Pay now button (and its address, for paper) when the invoice has an active payment link. */
export function drawPayNow(doc: Pdf, document: InvoiceDocument, startY: number): number {
  const url = document.payNowUrl;
  if (!url) return startY;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const y = ensureRoom(doc, startY, 56).y;
  const button = { w: 120, h: 26 };
  doc.roundedRect(left, y, button.w, button.h, 4).fill(document.branding.accentColor);
  doc
    .font(FONT_BOLD)
    .fontSize(11)
    .fillColor("#ffffff")
    .text("Pay now", left, y + 8, { width: button.w, align: "center", lineBreak: false });
  doc.link(left, y, button.w, button.h, url);
  doc
    .font(FONT)
    .fontSize(8)
    .fillColor(MUTED)
    .text(url, left, y + button.h + 4, { width, link: url, underline: false });
  return doc.y + 14;
}

function paragraph(doc: Pdf, title: string, body: string, startY: number): number {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font(FONT).fontSize(9);
  const height = doc.heightOfString(body, { width }) + 16;
  const y = ensureRoom(doc, startY, Math.min(height, pageBottom(doc) - doc.page.margins.top)).y;
  doc.font(FONT_BOLD).fontSize(10).fillColor(INK).text(title, left, y, { width });
  doc
    .font(FONT)
    .fontSize(9)
    .fillColor(INK)
    .text(body, left, doc.y + 2, { width });
  return doc.y + 12;
}

export function drawTermsAndNotes(doc: Pdf, document: InvoiceDocument, startY: number): number {
  let y = startY;
  if (document.invoice.notes) y = paragraph(doc, "Notes", document.invoice.notes, y);
  if (document.branding.paymentTerms) y = paragraph(doc, "Payment terms", document.branding.paymentTerms, y);
  return y;
}

/** "INV-0001 · Page 1 of 3" at the foot of every page, drawn once every page exists. */
export function drawFooters(doc: Pdf, document: InvoiceDocument): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would make the renderer start a new page; the footer lives in the margin.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const left = doc.page.margins.left;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `${document.branding.name} · Invoice ${document.invoice.number} · Page ${i - range.start + 1} of ${range.count}`,
        left,
        doc.page.height - bottomMargin + 16,
        { width: doc.page.width - left - doc.page.margins.right, align: "center", lineBreak: false },
      );
    doc.page.margins.bottom = bottomMargin;
  }
}

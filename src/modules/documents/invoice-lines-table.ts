import { addMinor, canonicalDecimal, formatMoney } from "../../lib/money.ts";
import type { InvoiceDocument } from "./invoice-document.ts";
import { ensureRoom, FONT, FONT_BOLD, INK, type Pdf, RULE } from "./pdf-kit.ts";

type Column = { key: "description" | "quantity" | "unit" | "tax" | "amount"; label: string; width: number };

const SIZE = 9;
const PAD = 5;

function columns(inclusive: boolean): Column[] {
  return [
    { key: "description", label: "Description", width: 200 },
    { key: "quantity", label: "Qty", width: 50 },
    { key: "unit", label: inclusive ? "Unit price (incl. tax)" : "Unit price", width: 90 },
    { key: "tax", label: "Tax", width: 45 },
    { key: "amount", label: inclusive ? "Amount (incl. tax)" : "Amount", width: 110 },
  ];
}

function cellsOf(line: InvoiceDocument["lines"][number], currency: string, inclusive: boolean) {
  // Inclusive invoices store each line net with its tax beside it; the customer sees the gross price they agreed.
  const shown = inclusive ? addMinor(line.amount, line.taxAmount) : line.amount;
  return {
    description: line.description,
    quantity: canonicalDecimal(line.quantity),
    unit: formatMoney(line.unitAmount, currency),
    tax: `${canonicalDecimal(line.taxRate)}%`,
    amount: formatMoney(shown, currency),
  };
}

function drawHeader(doc: Pdf, cols: Column[], x: number, y: number, accent: string): number {
  doc.font(FONT_BOLD).fontSize(SIZE).fillColor(accent);
  const height = Math.max(...cols.map((c) => doc.heightOfString(c.label, { width: c.width - PAD })));
  let left = x;
  for (const col of cols) {
    doc.text(col.label, left, y, { width: col.width - PAD, align: col.key === "description" ? "left" : "right" });
    left += col.width;
  }
  const bottom = y + height + 4;
  doc
    .moveTo(x, bottom)
    .lineTo(x + cols.reduce((sum, c) => sum + c.width, 0), bottom)
    .lineWidth(1)
    .strokeColor(accent)
    .stroke();
  return bottom + 5;
}

/**
 * The invoice lines: descriptions wrap within their column, a row never splits across pages, and every page
 * the table continues on starts with the column headings again. Answers the y below the table.
 */
export function drawLinesTable(doc: Pdf, document: InvoiceDocument, startY: number): number {
  const { invoice, lines, branding } = document;
  const inclusive = invoice.taxMode === "inclusive";
  const cols = columns(inclusive);
  const x = doc.page.margins.left;
  const width = cols.reduce((sum, c) => sum + c.width, 0);
  let y = ensureRoom(doc, startY, 40).y;
  y = drawHeader(doc, cols, x, y, branding.accentColor);
  if (lines.length === 0) {
    doc.font(FONT).fontSize(SIZE).fillColor(INK).text("No lines.", x, y, { width });
    return y + 20;
  }
  for (const line of lines) {
    const cells = cellsOf(line, invoice.currency, inclusive);
    doc.font(FONT).fontSize(SIZE);
    // Only the description wraps; figures are one line each, which keeps 200 lines well inside the time budget.
    const description = cols[0]?.width ?? 0;
    const height = Math.max(
      doc.currentLineHeight(true),
      doc.heightOfString(cells.description, { width: description - PAD }),
    );
    const room = ensureRoom(doc, y, height + 2 * PAD);
    y = room.newPage ? drawHeader(doc, cols, x, room.y, branding.accentColor) : room.y;
    doc.font(FONT).fontSize(SIZE).fillColor(INK);
    let left = x;
    for (const col of cols) {
      const wraps = col.key === "description";
      doc.text(cells[col.key], left, y, { width: col.width - PAD, align: wraps ? "left" : "right", lineBreak: wraps });
      left += col.width;
    }
    y += height + PAD;
    doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    y += PAD;
  }
  return y;
}

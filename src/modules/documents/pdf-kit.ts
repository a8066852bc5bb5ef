/// <reference path="./fontkit.d.ts" />
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Font, create as parseFont } from "fontkit";
import PDFDocument from "pdfkit";

export type Pdf = PDFKit.PDFDocument;

/**
 * DejaVu Sans, embedded (subset to the glyphs used): PDF's built-in Helvetica covers only Western European
 * characters, and a client called «Ромашка», Ωμέγα or Łódź must print as written. Parsed once per process:
 * pdfkit takes the parsed font as it is, and parsing is most of the cost of a short invoice.
 */
export const FONT = "Sans";
export const FONT_BOLD = "Sans-Bold";
const require = createRequire(import.meta.url);
let parsed: { regular: Font; bold: Font } | undefined;
function fonts() {
  const load = (file: string) => parseFont(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
  parsed ??= { regular: load("DejaVuSans.ttf"), bold: load("DejaVuSans-Bold.ttf") };
  return parsed;
}
export const INK = "#1f2430";
export const MUTED = "#5b6272";
export const RULE = "#d5d9e0";

/**
 * An A4 document whose bytes depend only on its content: the creation date is given, so the file id (derived
 * from the info dictionary) and the XMP-free info are stable and the same invoice renders byte for byte alike.
 */
export function createPdf(info: { title: string; author: string; createdAt: Date }): Pdf {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    bufferPages: true,
    info: {
      Title: info.title,
      Author: info.author,
      Creator: "Settle",
      Producer: "Settle",
      CreationDate: info.createdAt,
      ModDate: info.createdAt,
    },
  });
  // @types/pdfkit lists file sources only; pdfkit also accepts a parsed font (anything with `layout`).
  doc.registerFont(FONT, fonts().regular as unknown as Buffer);
  doc.registerFont(FONT_BOLD, fonts().bold as unknown as Buffer);
  return doc.font(FONT);
}

/** Ends the document and collects its bytes. */
export function finishPdf(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** The lowest y a block may reach before it belongs on the next page (room is kept for the footer). */
export function pageBottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom - 14;
}

/** Moves to a new page when `height` does not fit below `y`; answers the y to draw at. */
export function ensureRoom(doc: Pdf, y: number, height: number): { y: number; newPage: boolean } {
  if (y + height <= pageBottom(doc)) return { y, newPage: false };
  doc.addPage();
  return { y: doc.page.margins.top, newPage: true };
}

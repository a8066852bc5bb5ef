import PDFDocument from "pdfkit";

export type Pdf = PDFKit.PDFDocument;

export const FONT = "Helvetica";
export const FONT_BOLD = "Helvetica-Bold";
export const INK = "#1f2430";
export const MUTED = "#5b6272";
export const RULE = "#d5d9e0";

/**
 * An A4 document whose bytes depend only on its content: the creation date is given, so the file id (derived
 * from the info dictionary) and the XMP-free info are stable and the same invoice renders byte for byte alike.
 */
export function createPdf(info: { title: string; author: string; createdAt: Date }): Pdf {
  return new PDFDocument({
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

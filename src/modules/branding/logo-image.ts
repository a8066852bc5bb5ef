import PDFDocument from "pdfkit";
import { AppError } from "../../lib/errors.ts";
import { MAX_LOGO_BYTES } from "./schemas.ts";

export const LOGO_MIME_TYPES = ["image/png", "image/jpeg"] as const;
export type LogoMimeType = (typeof LOGO_MIME_TYPES)[number];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type the bytes say they are, never what the client claims: only PNG and JPEG are embedded. */
export function sniffLogoType(bytes: Buffer): LogoMimeType | null {
  if (bytes.length >= PNG_SIGNATURE.length && bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    return "image/png";
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return "image/jpeg";
  }
  return null;
}

function refuse(message: string): never {
  throw new AppError("invalid_input", `Invalid logo. ${message}`, {
    issues: [{ field: "data_base64", message }],
    fix: "Upload a PNG or JPEG of at most 512 KiB, base64-encoded in data_base64.",
  });
}

/**
 * Decodes and checks a logo: strict base64, at most 512 KiB, PNG or JPEG by its magic bytes, and an image
 * the PDF renderer can actually open, so a damaged file is refused here rather than breaking every invoice.
 */
export async function decodeLogo(base64: string): Promise<{ content: Buffer; mimeType: LogoMimeType }> {
  const compact = base64.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    refuse("must be base64 (RFC 4648, with padding)");
  }
  const content = Buffer.from(compact, "base64");
  if (content.length === 0) refuse("is empty");
  if (content.length > MAX_LOGO_BYTES) {
    refuse(`is ${Math.ceil(content.length / 1024)} KiB; the limit is ${MAX_LOGO_BYTES / 1024} KiB`);
  }
  const mimeType = sniffLogoType(content);
  if (!mimeType) refuse("must be a PNG or JPEG image");
  if (!(await embeds(content))) {
    refuse(`is not a readable ${mimeType === "image/png" ? "PNG" : "JPEG"} image`);
  }
  return { content, mimeType };
}

/** Whether the PDF renderer can place the image on a page (PNG pixel data is only decoded on embedding). */
function embeds(content: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const doc = new PDFDocument({ size: [20, 20], margin: 0 });
      doc.on("data", () => {});
      doc.on("error", () => resolve(false));
      doc.on("end", () => resolve(true));
      doc.image(content, 0, 0, { fit: [20, 20] });
      doc.end();
    } catch {
      resolve(false);
    }
  });
}

import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { crc32, deflateSync } from "node:zlib";

const run = promisify(execFile);

/** The PDF's text as poppler reads it (layout kept), with no-break spaces as plain spaces. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "settle-pdf-"));
  try {
    await writeFile(join(dir, "in.pdf"), pdf);
    const { stdout } = await run("pdftotext", ["-layout", join(dir, "in.pdf"), "-"]);
    return stdout.replace(/\u00a0/g, " ");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Page 1 rendered to PNG by poppler; `keepAt` keeps a copy for a person to look at. */
export async function renderFirstPage(pdf: Buffer, keepAt?: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "settle-pdf-"));
  try {
    await writeFile(join(dir, "in.pdf"), pdf);
    await run("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      join(dir, "in.pdf"),
      join(dir, "page"),
    ]);
    const png = await readFile(join(dir, "page.png"));
    if (keepAt) await writeFile(keepAt, png);
    return png;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real RGB PNG of one colour (a logo for tests). */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** How many times `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

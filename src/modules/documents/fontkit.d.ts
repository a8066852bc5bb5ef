// The one call Settle makes into fontkit (pdfkit's own font engine), which ships no typings.
declare module "fontkit" {
  /** A parsed font; pdfkit embeds it without parsing the file again. */
  export type Font = { layout: (text: string) => unknown };
  export function create(buffer: Uint8Array): Font;
}

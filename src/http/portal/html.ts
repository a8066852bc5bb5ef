/** Everything a portal page shows passes through here: names and numbers come from people, not from Settle. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A fragment already escaped by the code that built it. */
export type Html = { readonly html: string };

export function raw(html: string): Html {
  return { html };
}

/** A tagged template that escapes every interpolated value unless it is already Html (or a list of Html). */
export function html(strings: TemplateStringsArray, ...values: (string | number | Html | Html[] | null)[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    if (value === null) {
      out += "";
    } else if (Array.isArray(value)) {
      out += value.map((v) => v.html).join("");
    } else if (typeof value === "object") {
      out += value.html;
    } else {
      out += escapeHtml(String(value));
    }
    out += strings[i + 1] ?? "";
  });
  return { html: out };
}

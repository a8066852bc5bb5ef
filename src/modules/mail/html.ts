const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Everything interpolated into mail HTML goes through here: a company named `<script>` stays text. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Only http(s) links are written into mail; anything else (javascript:, data:) becomes "#". */
export function safeHref(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? escapeHtml(parsed.toString()) : "#";
  } catch {
    return "#";
  }
}

/** `#rrggbb` or the default accent, so a stored colour can never break out of the style attribute. */
export function safeColor(color: string | null | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : "#2f6fed";
}

/** One line of a plain-text body: control characters (newlines in a name) flattened to spaces. */
export function plainLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, " ").trim();
}

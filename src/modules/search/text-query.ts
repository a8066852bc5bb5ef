import { type SQL, sql } from "drizzle-orm";

/**
 * The words of a search box as a prefix full-text query ('harb' & 'den' → harb:* & den:*), or null when no
 * word is left. Each word is quoted, so nothing a person types is read as tsquery syntax.
 */
export function prefixQuery(q: string): SQL | null {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}@._-]+/u)
    .map((w) => w.replace(/^[._-]+|[._-]+$/g, ""))
    .filter(Boolean)
    .slice(0, 8);
  if (words.length === 0) {
    return null;
  }
  return sql`to_tsquery('simple', ${words.map((w) => `'${w}':*`).join(" & ")})`;
}

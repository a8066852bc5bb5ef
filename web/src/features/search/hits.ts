import type { SearchHitRow } from "../../lib/types.ts";

export type SearchKind = SearchHitRow["type"];
/** One row of the search box's results, with the page it opens. */
export type SearchHit = { kind: SearchKind; id: string; title: string; detail: string | null; href: string };
export type SearchResult = { data: SearchHitRow[] };

export const KIND_LABEL: Record<SearchKind, string> = {
  company: "Companies",
  contact: "Contacts",
  opportunity: "Opportunities",
  invoice: "Invoices",
};

const ORDER: SearchKind[] = ["company", "contact", "opportunity", "invoice"];

/** Where a hit leads: a contact has no page of its own (its company's lists it); an invoice is on its deal. */
function hrefOf(hit: SearchHitRow): string {
  switch (hit.type) {
    case "company":
      return `/companies/${hit.id}`;
    case "contact":
      return hit.parent_id ? `/companies/${hit.parent_id}` : "/companies";
    case "opportunity":
      return `/opportunities/${hit.id}`;
    case "invoice":
      return hit.parent_id ? `/opportunities/${hit.parent_id}` : "/opportunities";
  }
}

/** Grouped by kind — companies, contacts, opportunities, then invoice numbers — in the server's order within each. */
export function hitsOf(result: SearchResult): SearchHit[] {
  return ORDER.flatMap((kind) =>
    result.data
      .filter((h) => h.type === kind)
      .map((h) => ({ kind, id: h.id, title: h.title, detail: h.subtitle, href: hrefOf(h) })),
  );
}

/** One row of the search box's results, whatever it came from. */
export type SearchHit = { kind: SearchKind; id: string; title: string; detail: string | null; href: string };
export type SearchKind = "company" | "contact" | "opportunity" | "invoice";

export const KIND_LABEL: Record<SearchKind, string> = {
  company: "Companies",
  contact: "Contacts",
  opportunity: "Opportunities",
  invoice: "Invoices",
};

// GET /api/v1/search?q= answers with one list per kind; each kind is present only with its read scope.
type Named = { id: string; name: string };
export type SearchResult = {
  companies?: (Named & { email?: string | null })[];
  contacts?: (Named & { email?: string | null; company_id?: string | null })[];
  opportunities?: (Named & { company_id?: string | null; company_name?: string | null })[];
  invoices?: { id: string; number: string; opportunity_id: string; status?: string }[];
};

/** The results in the order they are listed: companies, contacts, opportunities, then invoice numbers. */
export function hitsOf(result: SearchResult): SearchHit[] {
  return [
    ...(result.companies ?? []).map((c) => ({
      kind: "company" as const,
      id: c.id,
      title: c.name,
      detail: c.email ?? null,
      href: `/companies/${c.id}`,
    })),
    ...(result.contacts ?? []).map((c) => ({
      kind: "contact" as const,
      id: c.id,
      title: c.name,
      detail: c.email ?? null,
      // A contact has no page of its own: its company's lists it.
      href: c.company_id ? `/companies/${c.company_id}` : "/companies",
    })),
    ...(result.opportunities ?? []).map((o) => ({
      kind: "opportunity" as const,
      id: o.id,
      title: o.name,
      detail: o.company_name ?? null,
      href: `/opportunities/${o.id}`,
    })),
    ...(result.invoices ?? []).map((i) => ({
      kind: "invoice" as const,
      id: i.id,
      title: i.number,
      detail: i.status ?? null,
      href: `/opportunities/${i.opportunity_id}`,
    })),
  ];
}

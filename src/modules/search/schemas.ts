import { z } from "zod";

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchQuery = z.input<typeof SearchQuery>;

export type SearchHit = {
  type: "company" | "contact" | "opportunity" | "invoice";
  id: string;
  title: string;
  subtitle: string | null;
  /** Where the hit lives: the company of a contact, the opportunity of an invoice. */
  parentId: string | null;
};

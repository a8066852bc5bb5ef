import { z } from "@hono/zod-openapi";
import type { SearchHit } from "../modules/search/index.ts";

export const SearchHitSchema = z
  .object({
    type: z.enum(["company", "contact", "opportunity", "invoice"]),
    id: z.string(),
    title: z.string().openapi({ description: "Name, or the invoice number" }),
    subtitle: z.string().nullable().openapi({ description: "Website, email, stage or invoice status" }),
    parent_id: z
      .string()
      .nullable()
      .openapi({ description: "The contact's or opportunity's company; the invoice's opportunity" }),
  })
  .openapi("SearchHit");

export function toSearchHitDto(hit: SearchHit): z.infer<typeof SearchHitSchema> {
  return { type: hit.type, id: hit.id, title: hit.title, subtitle: hit.subtitle, parent_id: hit.parentId };
}

import { OpenAPIHono, z } from "@hono/zod-openapi";
import { SearchHitSchema, toSearchHitDto } from "../../dto/search.ts";
import { SearchQuery, search } from "../../modules/search/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, json } from "../openapi.ts";

export const searchRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  apiRoute({
    method: "get",
    path: "/search",
    tags: ["Search"],
    summary: "Search companies, contacts, opportunities (word prefixes) and invoice numbers from one box",
    description:
      "Up to `limit` hits of each kind, companies first; contacts, opportunities and invoices appear only with contacts:read, opportunities:read and invoices:read. Archived companies are left out.",
    scope: "companies:read",
    request: { query: SearchQuery },
    responses: { 200: json(z.object({ data: z.array(SearchHitSchema) }), "The hits") },
  }),
  async (c) => c.json({ data: (await search(ctxOf(c), c.req.valid("query"))).map(toSearchHitDto) }, 200),
);

import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { stream } from "hono/streaming";
import {
  CompaniesExportQuery,
  companiesCsv,
  contactsCsv,
  ExportQuery,
  opportunitiesCsv,
  productsCsv,
} from "../../modules/exports/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute } from "../openapi.ts";
import type { OpportunityBase } from "./opportunities.ts";

const csvResponse = { 200: { description: "text/csv", content: { "text/csv": { schema: z.string() } } } };

/** The first chunk (header; input and scope checked) is produced before the status is sent. */
async function streamCsv(c: Context<AppEnv>, name: string, rows: AsyncGenerator<string>) {
  const first = await rows.next();
  c.header("content-type", "text/csv; charset=utf-8");
  c.header("content-disposition", `attachment; filename="${name}.csv"`);
  return stream(c, async (out) => {
    if (!first.done) await out.write(first.value);
    for await (const chunk of rows) await out.write(chunk);
  });
}

export const exportRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "get",
      path: "/companies.csv",
      tags: ["Companies"],
      summary: "Companies as CSV (streamed; same q and archived filters as the list)",
      scope: "companies:read",
      request: { query: CompaniesExportQuery },
      responses: csvResponse,
    }),
    (c) => streamCsv(c, "companies", companiesCsv(ctxOf(c), c.req.valid("query"))),
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/contacts.csv",
      tags: ["Contacts"],
      summary: "Contacts with their company as CSV (streamed)",
      scope: "contacts:read",
      request: { query: ExportQuery },
      responses: csvResponse,
    }),
    (c) => streamCsv(c, "contacts", contactsCsv(ctxOf(c), c.req.valid("query"))),
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/products.csv",
      tags: ["Products"],
      summary: "The product catalogue as CSV (streamed)",
      scope: "products:read",
      request: { query: ExportQuery },
      responses: csvResponse,
    }),
    (c) => streamCsv(c, "products", productsCsv(ctxOf(c), c.req.valid("query"))),
  );

/** Opportunities as CSV, under /opportunities.csv and its /deals.csv alias. */
export function opportunityExportRoutes(base: OpportunityBase) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    apiRoute({
      method: "get",
      path: `${base}.csv`,
      tags: [base === "/deals" ? "Deals (alias of Opportunities)" : "Opportunities"],
      summary: "Opportunities as CSV, one row per line (streamed; payment_status only with invoices:read)",
      scope: "opportunities:read",
      request: { query: ExportQuery },
      responses: csvResponse,
    }),
    (c) => streamCsv(c, "opportunities", opportunitiesCsv(ctxOf(c), c.req.valid("query"))),
  );
}

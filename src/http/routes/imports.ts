import { OpenAPIHono } from "@hono/zod-openapi";
import { ImportSchema, toImportDto } from "../../dto/imports.ts";
import { CreateImportInput, createImport, getImport, listImports } from "../../modules/imports/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json, PageQuerySchema, pageOf } from "../openapi.ts";

const tags = ["Imports"];

export const importRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "post",
      path: "/imports",
      tags,
      summary: "Import companies, contacts, products or opportunities (with their lines) from CSV",
      description:
        "Every row is checked with the API's own schemas; a bad row is reported and never stops the others. `dry_run: true` answers with each row's errors and writes nothing; otherwise the import runs as a background job (poll GET /imports/{id}). Rows update the record matched by `key_column` (default: id, else name, email or sku), so the same file twice never duplicates. Also needs the entity's write scope.",
      scope: "companies:write",
      request: body(CreateImportInput),
      responses: { 201: json(ImportSchema, "The import (a dry run is complete at once)") },
    }),
    async (c) => c.json(toImportDto(await createImport(ctxOf(c), c.req.valid("json"))), 201),
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/imports",
      tags,
      summary: "List imports, newest first",
      scope: "companies:read",
      request: { query: PageQuerySchema },
      responses: { 200: json(pageOf(ImportSchema), "A page of imports") },
    }),
    async (c) => {
      const page = await listImports(ctxOf(c), c.req.valid("query"));
      return c.json({ data: page.data.map(toImportDto), has_more: page.hasMore, next_cursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/imports/{id}",
      tags,
      summary: "An import's progress and row errors",
      scope: "companies:read",
      request: { params: IdParam },
      responses: { 200: json(ImportSchema, "The import") },
    }),
    async (c) => c.json(toImportDto(await getImport(ctxOf(c), c.req.valid("param"))), 200),
  );

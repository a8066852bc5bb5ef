import { OpenAPIHono } from "@hono/zod-openapi";
import { CompanySchema, toCompanyDto } from "../../dto/crm.ts";
import {
  CreateCompanyInput,
  createCompany,
  deleteCompany,
  getCompany,
  ListCompaniesQuery,
  listCompanies,
  UpdateCompanyInput,
  updateCompany,
} from "../../modules/crm/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json, pageOf } from "../openapi.ts";

const tags = ["Companies"];

export const companyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "post",
      path: "/companies",
      tags,
      summary: "Create a company",
      scope: "companies:write",
      request: body(CreateCompanyInput),
      responses: { 201: json(CompanySchema, "The company") },
    }),
    async (c) => c.json(toCompanyDto(await createCompany(ctxOf(c), c.req.valid("json"))), 201),
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/companies",
      tags,
      summary:
        "List companies, newest first or by name (`sort=name`); `q` searches the name; archived hidden unless `archived=true|only`",
      scope: "companies:read",
      request: { query: ListCompaniesQuery },
      responses: { 200: json(pageOf(CompanySchema), "A page of companies") },
    }),
    async (c) => {
      const page = await listCompanies(ctxOf(c), c.req.valid("query"));
      return c.json({ data: page.data.map(toCompanyDto), has_more: page.hasMore, next_cursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/companies/{id}",
      tags,
      summary: "Get a company",
      scope: "companies:read",
      request: { params: IdParam },
      responses: { 200: json(CompanySchema, "The company") },
    }),
    async (c) => c.json(toCompanyDto(await getCompany(ctxOf(c), c.req.valid("param"))), 200),
  )
  .openapi(
    apiRoute({
      method: "patch",
      path: "/companies/{id}",
      tags,
      summary: "Update a company",
      scope: "companies:write",
      request: { params: IdParam, ...body(UpdateCompanyInput) },
      responses: { 200: json(CompanySchema, "The company") },
    }),
    async (c) =>
      c.json(toCompanyDto(await updateCompany(ctxOf(c), { ...c.req.valid("json"), id: c.req.valid("param").id })), 200),
  )
  .openapi(
    apiRoute({
      method: "delete",
      path: "/companies/{id}",
      tags,
      summary: "Delete a company without opportunities (its contacts are unlinked)",
      scope: "companies:write",
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" } },
    }),
    async (c) => {
      await deleteCompany(ctxOf(c), c.req.valid("param"));
      return c.body(null, 204);
    },
  );

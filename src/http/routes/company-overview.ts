import { OpenAPIHono } from "@hono/zod-openapi";
import { CompanyOverviewSchema, toCompanyOverviewDto } from "../../dto/company-overview.ts";
import { getCompanyOverview } from "../../modules/company-overview/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, IdParam, json } from "../openapi.ts";

export const companyOverviewRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  apiRoute({
    method: "get",
    path: "/companies/{id}/overview",
    tags: ["Companies"],
    summary: "A company page: the company, its contacts, opportunities and (with invoices:read) invoices",
    description: "Each part appears only with its read scope (contacts:read, opportunities:read, invoices:read).",
    scope: "companies:read",
    request: { params: IdParam },
    responses: { 200: json(CompanyOverviewSchema, "The company and what belongs to it") },
  }),
  async (c) => c.json(toCompanyOverviewDto(await getCompanyOverview(ctxOf(c), c.req.valid("param"))), 200),
);

import { OpenAPIHono } from "@hono/zod-openapi";
import { ReceivablesSchema, toReceivablesDto } from "../../dto/reports.ts";
import { getReceivables, ReceivablesQuery } from "../../modules/reports/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, json } from "../openapi.ts";

const tags = ["Reports"];

export const reportRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  apiRoute({
    method: "get",
    path: "/reports/receivables",
    tags,
    summary:
      "What the workspace is owed: outstanding and overdue per currency, ageing per company, pipeline by payment status, paid per month",
    description:
      "From native and synced Xero invoices awaiting payment (AUTHORISED), in minor units. Ageing buckets count days past the due date on `as_of` (default today, UTC).",
    scope: "invoices:read",
    request: { query: ReceivablesQuery },
    responses: { 200: json(ReceivablesSchema, "The receivables") },
  }),
  async (c) => c.json(toReceivablesDto(await getReceivables(ctxOf(c), c.req.valid("query"))), 200),
);

import { z } from "zod";
import { ReceivablesSchema, toReceivablesDto } from "../../dto/reports.ts";
import { getReceivables, ReceivablesQuery } from "../../modules/reports/index.ts";
import { defineTool } from "../tool.ts";

export const getReceivablesTool = defineTool({
  name: "get_receivables",
  title: "Receivables report",
  description:
    "What the workspace is owed, in minor units per currency: outstanding and overdue totals with ageing buckets (current, 1–30, 31–60, 61–90, 90+ days past due on as_of), the companies owing most, open deals' line totals by payment status, and money received per month over the last twelve months. From native and synced Xero invoices awaiting payment.",
  scope: "invoices:read",
  destructive: false,
  idempotent: true,
  input: z.strictObject({
    as_of: ReceivablesQuery.shape.as_of.describe("The day ageing counts from, YYYY-MM-DD (default today, UTC)"),
  }),
  output: ReceivablesSchema,
  run: async (ctx, input) => toReceivablesDto(await getReceivables(ctx, input)),
});

import { z } from "zod";
import { LineSchema, toLineDto } from "../../dto/opportunities.ts";
import {
  type LineWithOpportunity,
  ListLinesByStatusInput,
  listLinesByStatus,
} from "../../modules/opportunities/index.ts";
import { defineTool } from "../tool.ts";

const UnpaidLineSchema = LineSchema.extend({
  opportunity_name: z.string(),
  company_id: z.string().nullable(),
  company_name: z.string().nullable(),
});

function toUnpaidLineDto(line: LineWithOpportunity) {
  return {
    ...toLineDto(line),
    opportunity_name: line.opportunityName,
    company_id: line.companyId,
    company_name: line.companyName,
  };
}

export const listUnpaidLinesTool = defineTool({
  name: "list_unpaid_lines",
  title: "List unpaid lines",
  description:
    "Product lines across the whole workspace by payment status — by default every line not yet paid (unpaid, deposit_invoiced, invoiced) — with their opportunity and company, oldest opportunity first. Answers 'what is still unpaid for Harbour Dental?': find the company with search_companies, then pass company_id. line_total_amount and deposit_amount are minor units in the line's currency. At most 500 lines (truncated says when there were more; narrow by company_id or opportunity_id). Raise the remaining balance with create_invoice portion balance.",
  scope: ["opportunities:read", "invoices:read"],
  destructive: false,
  input: z.strictObject({
    company_id: ListLinesByStatusInput.shape.company_id.describe("Only this company's opportunities (co_…)"),
    opportunity_id: ListLinesByStatusInput.shape.opportunity_id.describe("Only this opportunity (opp_…)"),
    payment_status: ListLinesByStatusInput.shape.payment_status.describe(
      "Statuses to include; default all but paid: [unpaid, deposit_invoiced, invoiced]",
    ),
    opportunity_status: ListLinesByStatusInput.shape.opportunity_status.describe("open, won or lost"),
  }),
  output: z.object({ data: z.array(UnpaidLineSchema), truncated: z.boolean() }),
  run: async (ctx, input) => {
    const { lines, truncated } = await listLinesByStatus(ctx, input);
    return { data: lines.map(toUnpaidLineDto), truncated };
  },
});

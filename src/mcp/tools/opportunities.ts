import { z } from "zod";
import { OpportunitySchema, toOpportunityDto } from "../../dto/opportunities.ts";
import { getOpportunity, ListOpportunitiesQuery, listOpportunities } from "../../modules/opportunities/index.ts";
import { defineTool } from "../tool.ts";
import { listOf, OpportunityId, pageDto } from "./shared.ts";

const expandNote =
  "With expand=products each opportunity carries its product lines (payment_status only with invoices:read).";

export const listOpportunitiesTool = defineTool({
  name: "list_opportunities",
  description: `List opportunities (deals), newest first. Filter by q (name contains), status (open/won/lost), stage or company_id; page with limit and the previous next_cursor. ${expandNote}`,
  scope: "opportunities:read",
  destructive: false,
  input: ListOpportunitiesQuery,
  output: listOf(OpportunitySchema),
  run: async (ctx, input) => pageDto(await listOpportunities(ctx, input), toOpportunityDto),
});

export const getOpportunityTool = defineTool({
  name: "get_opportunity",
  description: `Get one opportunity (deal) with its total_amount in minor units. ${expandNote}`,
  scope: "opportunities:read",
  destructive: false,
  input: z.strictObject({ opportunity_id: OpportunityId, expand: z.enum(["products"]).optional() }),
  output: OpportunitySchema,
  run: async (ctx, { opportunity_id, expand }) =>
    toOpportunityDto(await getOpportunity(ctx, { id: opportunity_id, ...(expand ? { expand } : {}) })),
});

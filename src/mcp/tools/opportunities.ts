import { z } from "zod";
import { OpportunitySchema, toOpportunityDto } from "../../dto/opportunities.ts";
import {
  CreateOpportunityInput,
  createOpportunity,
  getOpportunity,
  ListOpportunitiesQuery,
  listOpportunities,
  updateOpportunity,
} from "../../modules/opportunities/index.ts";
import { defineTool } from "../tool.ts";
import { listOf, OpportunityId, pageDto } from "./shared.ts";

const expandNote =
  "With expand=products each opportunity carries its product lines (payment_status only with invoices:read).";

export const listOpportunitiesTool = defineTool({
  name: "list_opportunities",
  description: `List opportunities (deals), newest first. Filter by q (name contains), status (open/won/lost), stage, company_id, payment_status (has a line in that status) or min_amount_due (unpaid lines add up to at least this, minor units; both need invoices:read); page with limit and the previous next_cursor. ${expandNote}`,
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

const opportunityFields = {
  name: CreateOpportunityInput.shape.name.describe("Name of the deal"),
  company_id: CreateOpportunityInput.shape.company_id.describe("The client company (co_…, from search_companies)"),
  primary_contact_id: CreateOpportunityInput.shape.primary_contact_id.describe(
    "Who receives invoice emails (con_…, from list_contacts)",
  ),
  currency: CreateOpportunityInput.shape.currency.describe("ISO 4217 code in upper case, e.g. USD; lines use it"),
  stage: CreateOpportunityInput.shape.stage,
  status: CreateOpportunityInput.shape.status.describe("open (default), won or lost"),
  owner_id: CreateOpportunityInput.shape.owner_id.describe("The member (usr_…) who owns the deal"),
};

export const createOpportunityTool = defineTool({
  name: "create_opportunity",
  title: "Create an opportunity",
  description:
    "Create an opportunity (deal) for a company. Add product lines with add_opportunity_product; its total_amount (minor units) follows the lines.",
  scope: "opportunities:write",
  destructive: false,
  input: z.strictObject(opportunityFields),
  output: OpportunitySchema,
  run: async (ctx, input) => toOpportunityDto(await createOpportunity(ctx, input)),
});

export const updateOpportunityTool = defineTool({
  name: "update_opportunity",
  title: "Update an opportunity",
  description:
    "Change an opportunity's name, company, primary contact, currency, stage, status (open/won/lost) or owner; only the fields given change.",
  scope: "opportunities:write",
  destructive: false,
  idempotent: true,
  input: z.strictObject({ opportunity_id: OpportunityId, ...z.object(opportunityFields).partial().shape }),
  output: OpportunitySchema,
  run: async (ctx, { opportunity_id, ...fields }) =>
    toOpportunityDto(await updateOpportunity(ctx, { id: opportunity_id, ...fields })),
});

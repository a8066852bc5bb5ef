import { z } from "zod";
import { LineSchema, StatusChangeSchema, toLineDto, toStatusChangeDto } from "../../dto/opportunities.ts";
import { PageQuery } from "../../lib/pagination.ts";
import {
  addLine,
  listLines,
  listPaymentStatusHistory,
  removeLine,
  updateLine,
} from "../../modules/opportunities/index.ts";
import { aliasOf, defineTool } from "../tool.ts";
import { AddLineFields, UpdateLineFields } from "./line-fields.ts";
import { LineId, listOf, OpportunityId, pageDto, wholeList } from "./shared.ts";

const statusNote =
  "payment_status (unpaid < deposit_invoiced < invoiced < paid) is present only when the key holds invoices:read; setting it needs invoices:write, otherwise the call fails with insufficient_scope and nothing changes.";

export const getOpportunityProductsTool = defineTool({
  name: "get_opportunity_products",
  description: `List an opportunity's product lines in order, with amounts in minor units. ${statusNote}`,
  scope: "opportunities:read",
  destructive: false,
  input: z.strictObject({ opportunity_id: OpportunityId }),
  output: listOf(LineSchema),
  run: async (ctx, input) => wholeList(await listLines(ctx, input), toLineDto),
});

export const addOpportunityProductTool = defineTool({
  name: "add_opportunity_product",
  description: `Add a catalogue product to an opportunity as a line. unit_amount (minor units) and tax_rate default to the product's. ${statusNote}`,
  scope: "opportunities:write",
  destructive: false,
  input: z.strictObject({ opportunity_id: OpportunityId, ...AddLineFields }),
  output: LineSchema,
  run: async (ctx, input) => toLineDto(await addLine(ctx, input)),
});

export const updateOpportunityProductTool = defineTool({
  name: "update_opportunity_product",
  description: `Edit a product line: quantity, unit_amount, discount_percent, deposit_percent, tax_rate, sort_order or payment_status. A manual payment_status is set exactly as given (up or down) and recorded in the history. ${statusNote}`,
  scope: "opportunities:write",
  // A manual payment_status may move a line down the ladder, overwriting what invoices set.
  destructive: true,
  input: z.strictObject({ opportunity_id: OpportunityId, line_id: LineId, ...UpdateLineFields }),
  output: LineSchema,
  run: async (ctx, input) => toLineDto(await updateLine(ctx, input)),
});

export const getPaymentStatusHistoryTool = defineTool({
  name: "get_payment_status_history",
  description:
    "A product line's payment status changes, oldest first: from, to, source (manual, invoice_sent, xero_sync, stripe_payment, stripe_sync, automation), actor and related invoice.",
  scope: ["opportunities:read", "invoices:read"],
  destructive: false,
  input: z.strictObject({ opportunity_id: OpportunityId, line_id: LineId, ...PageQuery.shape }),
  output: listOf(StatusChangeSchema),
  run: async (ctx, input) => pageDto(await listPaymentStatusHistory(ctx, input), toStatusChangeDto),
});

export const removeOpportunityProductTool = defineTool({
  name: "remove_opportunity_product",
  title: "Remove a product line",
  description:
    "Remove a product line from an opportunity (its payment status history is kept). Refused with conflict while a sent or paid invoice bills the line: that invoice is the financial record of it.",
  scope: "opportunities:write",
  destructive: true,
  idempotent: false,
  input: z.strictObject({ opportunity_id: OpportunityId, line_id: LineId }),
  output: z.object({ removed: z.boolean(), line_id: z.string() }),
  run: async (ctx, input) => {
    await removeLine(ctx, input);
    return { removed: true, line_id: input.line_id };
  },
});

/** SPEC §8: the pre-rename tool names keep working, with identical behaviour. */
export const dealAliasTools = [
  aliasOf(getOpportunityProductsTool, "get_deal_products"),
  aliasOf(updateOpportunityProductTool, "update_deal_product"),
  aliasOf(addOpportunityProductTool, "add_deal_product"),
];

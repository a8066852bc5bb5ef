// Verb inputs use the public snake_case field names, as in the access module.
import { z } from "zod";
import { OPPORTUNITY_STATUSES } from "../../db/schema/index.ts";
import { PAYMENT_STATUSES } from "../billing/index.ts";
import { Currency, Id, MinorAmount, Name, Percent, Quantity } from "../crm/fields.ts";

/** Suggested pipeline; stage is free text so a workspace can use its own. */
export const DEFAULT_STAGES = ["lead", "qualified", "proposal", "negotiation", "closed"] as const;

export const Stage = z.string().trim().min(1).max(60);
export const PaymentStatusField = z.enum(PAYMENT_STATUSES);

export const CreateOpportunityInput = z.strictObject({
  name: Name,
  company_id: Id,
  primary_contact_id: Id.nullable().optional(),
  currency: Currency,
  stage: Stage.optional(),
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  owner_id: Id.nullable().optional(),
});
export type CreateOpportunityInput = z.input<typeof CreateOpportunityInput>;

export const UpdateOpportunityInput = CreateOpportunityInput.partial();
export type UpdateOpportunityInput = z.input<typeof UpdateOpportunityInput>;

export const ListOpportunitiesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  stage: Stage.optional(),
  company_id: Id.optional(),
  expand: z.enum(["products"]).optional(),
});
export type ListOpportunitiesQuery = z.input<typeof ListOpportunitiesQuery>;

const lineFields = {
  quantity: Quantity,
  unit_amount: MinorAmount,
  discount_percent: Percent,
  deposit_percent: Percent.nullable(),
  tax_rate: Percent,
  sort_order: z.number().int().min(0).max(1_000_000),
  payment_status: PaymentStatusField,
};

export const AddLineInput = z.strictObject({
  product_id: Id,
  ...z.object(lineFields).partial().shape,
});
export type AddLineInput = z.input<typeof AddLineInput>;

export const UpdateLineInput = z.strictObject(lineFields).partial();
export type UpdateLineInput = z.input<typeof UpdateLineInput>;

export const ReorderLinesInput = z.strictObject({ line_ids: z.array(Id).min(1).max(500) });
export type ReorderLinesInput = z.input<typeof ReorderLinesInput>;

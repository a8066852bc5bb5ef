// Verb inputs use the public snake_case field names, as in the access module.
import { z } from "zod";
import { OPPORTUNITY_STATUSES } from "../../db/schema/index.ts";
import { PageQuery } from "../../lib/pagination.ts";
import { RecordId } from "../../lib/record-id.ts";
import { PAYMENT_STATUSES } from "../billing/index.ts";
import { Currency, Id, MinorAmount, Name, Percent, Quantity } from "../crm/fields.ts";

/** The pipeline a new workspace starts with; a free-text stage not yet in the pipeline is added to it. */
export const DEFAULT_STAGES = ["lead", "qualified", "proposal", "negotiation", "won", "lost"] as const;

export const Stage = z.string().trim().min(1).max(60);
export const PaymentStatusField = z.enum(PAYMENT_STATUSES);

export const CreateOpportunityInput = z.strictObject({
  name: Name,
  company_id: Id,
  primary_contact_id: Id.nullable().optional(),
  currency: Currency,
  stage: Stage.optional(),
  /** Wins over `stage`; without `status`, the stage's kind sets it (a won stage wins the deal). */
  stage_id: Id.optional(),
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  owner_id: Id.nullable().optional(),
});
export type CreateOpportunityInput = z.input<typeof CreateOpportunityInput>;

export const UpdateOpportunityInput = CreateOpportunityInput.partial();
export type UpdateOpportunityInput = z.input<typeof UpdateOpportunityInput>;
/** `updateOpportunity`'s whole input: the opportunity's id beside the fields to change. */
export const UpdateOpportunityCommand = UpdateOpportunityInput.extend({ id: RecordId });
export type UpdateOpportunityCommand = z.input<typeof UpdateOpportunityCommand>;

/** `getOpportunity`'s input: with expand=products the opportunity carries its lines. */
export const GetOpportunityInput = z.strictObject({ id: RecordId, expand: z.enum(["products"]).optional() });
export type GetOpportunityInput = z.input<typeof GetOpportunityInput>;

/** The whole input of a verb that reads what belongs to one opportunity (its lines, its invoices, their totals). */
export const OpportunityRef = z.strictObject({ opportunity_id: RecordId });
export type OpportunityRef = z.input<typeof OpportunityRef>;

export const ListOpportunitiesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  stage: Stage.optional(),
  stage_id: Id.optional(),
  company_id: Id.optional(),
  /** Opportunities with at least one line in this payment status (needs invoices:read). */
  payment_status: z.enum(PAYMENT_STATUSES).optional(),
  /** Opportunities whose lines not yet paid add up to at least this, in minor units (needs invoices:read). */
  min_amount_due: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
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
/** `addLine`'s whole input: the opportunity's id beside the new line. */
export const AddLineCommand = AddLineInput.extend({ opportunity_id: RecordId });
export type AddLineCommand = z.input<typeof AddLineCommand>;

/** One line of one opportunity: the whole input of the verbs that read or remove it. */
export const LineRef = z.strictObject({ opportunity_id: RecordId, line_id: RecordId });
export type LineRef = z.input<typeof LineRef>;

export const UpdateLineInput = z.strictObject(lineFields).partial();
export type UpdateLineInput = z.input<typeof UpdateLineInput>;
/** `updateLine`'s whole input: the opportunity's and the line's ids beside the fields to change. */
export const UpdateLineCommand = UpdateLineInput.extend(LineRef.shape);
export type UpdateLineCommand = z.input<typeof UpdateLineCommand>;

export const ReorderLinesInput = z.strictObject({ line_ids: z.array(Id).min(1).max(500) });
export type ReorderLinesInput = z.input<typeof ReorderLinesInput>;
/** `reorderLines`'s whole input: the opportunity's id beside the new order. */
export const ReorderLinesCommand = ReorderLinesInput.extend({ opportunity_id: RecordId });
export type ReorderLinesCommand = z.input<typeof ReorderLinesCommand>;

/** `listPaymentStatusHistory`'s input: the line (and its opportunity) and the page. */
export const ListPaymentStatusHistoryInput = PageQuery.extend(LineRef.shape);
export type ListPaymentStatusHistoryInput = z.input<typeof ListPaymentStatusHistoryInput>;

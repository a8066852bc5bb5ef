import { z } from "zod";
import { PAYMENT_METHODS } from "../../db/schema/invoices.ts";
import { IsoDate } from "../../lib/dates.ts";
import { RecordId } from "../../lib/record-id.ts";
import { Percent, Quantity } from "../crm/fields.ts";
import { PORTIONS } from "./engine/index.ts";

// Public snake_case field names, shared by REST, MCP and the UI client.
const Id = z.string().min(1).max(64);

export const FreeLineInput = z.strictObject({
  description: z.string().trim().min(1).max(500),
  // The same bounds as a product line's: they fit the numeric(18,4) and numeric(7,4) columns the invoice line
  // stores them in, so a preview that passes can always be saved.
  quantity: Quantity.default("1"),
  unit_amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  tax_rate: Percent.default("0"),
});

export const PreviewInvoiceInput = z.strictObject({
  portion: z.enum(PORTIONS),
  line_ids: z.array(Id).max(500).optional(),
  free_lines: z.array(FreeLineInput).max(100).optional(),
});
export type PreviewInvoiceInput = z.input<typeof PreviewInvoiceInput>;
/** `previewInvoice`'s whole input: the opportunity's id beside the selection. */
export const PreviewInvoiceCommand = PreviewInvoiceInput.extend({ opportunity_id: RecordId });
export type PreviewInvoiceCommand = z.input<typeof PreviewInvoiceCommand>;

export const CreateInvoiceInput = PreviewInvoiceInput.extend({
  issue_date: IsoDate.optional(),
  due_date: IsoDate.optional(),
  reference: z.string().max(255).optional(),
  notes: z.string().max(4000).optional(),
  confirm_double_billing: z.boolean().default(false),
});
export type CreateInvoiceInput = z.input<typeof CreateInvoiceInput>;
/** `createInvoice`'s whole input: the opportunity's id beside the invoice to raise. */
export const CreateInvoiceCommand = CreateInvoiceInput.extend({ opportunity_id: RecordId });
export type CreateInvoiceCommand = z.input<typeof CreateInvoiceCommand>;

/** Status changes through PATCH: submit a draft, or delete a draft/submitted one. Approve and void have verbs. */
export const UpdateInvoiceInput = z.strictObject({
  status: z.enum(["DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"]).optional(),
  due_date: IsoDate.nullable().optional(),
  reference: z.string().max(255).nullable().optional(),
  portion: z.enum(PORTIONS).optional(),
});
export type UpdateInvoiceInput = z.input<typeof UpdateInvoiceInput>;
/** `updateInvoice`'s whole input: the invoice's id beside the fields to change. */
export const UpdateInvoiceCommand = UpdateInvoiceInput.extend({ id: RecordId });
export type UpdateInvoiceCommand = z.input<typeof UpdateInvoiceCommand>;

/**
 * A payment. Native invoices need `amount` and `method`; Xero invoices need `bank_account_id` (a Xero bank
 * account's id) and take the amount due unless `amount` names a part.
 */
export const RecordPaymentInput = z.strictObject({
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  paid_on: IsoDate,
  method: z.enum(PAYMENT_METHODS).optional(),
  reference: z.string().max(255).optional(),
  bank_account_id: z.string().min(1).max(64).optional(),
});
export type RecordPaymentInput = z.input<typeof RecordPaymentInput>;
/** `recordPayment`'s whole input: the invoice's id beside the payment. */
export const RecordPaymentCommand = RecordPaymentInput.extend({ invoice_id: RecordId });
export type RecordPaymentCommand = z.input<typeof RecordPaymentCommand>;

export const UpdateInvoiceSettingsInput = z.strictObject({
  number_prefix: z
    .string()
    .max(20)
    .regex(/^[A-Za-z0-9-_/]*$/, "letters, digits, - _ / only")
    .optional(),
  tax_mode: z.enum(["exclusive", "inclusive"]).optional(),
  default_deposit_percent: Percent.optional(),
});

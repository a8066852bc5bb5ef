import { z } from "zod";
import { InvoiceSchema, PreviewSchema, toInvoiceDto, toPreviewDto } from "../../dto/invoices.ts";
import {
  approveInvoice,
  CreateInvoiceInput,
  createInvoice,
  getInvoice,
  listOpportunityInvoices,
  PreviewInvoiceInput,
  previewInvoice,
  RecordPaymentInput,
  recordPayment,
  voidInvoice,
} from "../../modules/invoices/index.ts";
import { moneyMovingTool } from "../money-tool.ts";
import { defineTool } from "../tool.ts";
import { InvoiceId, listOf, OpportunityId, wholeList } from "./shared.ts";

const portionNote =
  "portion: full, deposit (each line's deposit %), balance (what deposits left) or ongoing (recurring lines). line_ids defaults to the lines that portion applies to.";

export const previewInvoiceTool = defineTool({
  name: "preview_invoice",
  description: `Preview an invoice for an opportunity without writing anything: lines, tax and totals in minor units, with warnings such as double_billing. ${portionNote}`,
  scope: "invoices:read",
  destructive: false,
  input: z.strictObject({ opportunity_id: OpportunityId, ...PreviewInvoiceInput.shape }),
  output: PreviewSchema,
  run: async (ctx, input) => toPreviewDto(await previewInvoice(ctx, input)),
});

export const createInvoiceTool = moneyMovingTool(
  defineTool({
    name: "create_invoice",
    description: `Raise a native DRAFT invoice from an opportunity's lines (send it with send_invoice). Dates are YYYY-MM-DD. Set confirm_double_billing only after the user accepts a double_billing warning. ${portionNote}`,
    scope: "invoices:write",
    destructive: false,
    input: z.strictObject({ opportunity_id: OpportunityId, ...CreateInvoiceInput.shape }),
    output: InvoiceSchema,
    run: async (ctx, input) => toInvoiceDto(await createInvoice(ctx, input)),
  }),
  { dryRun: true },
);

export const listInvoicesTool = defineTool({
  name: "list_invoices",
  description: "List an opportunity's invoices, oldest first, with totals, amount paid and amount due in minor units.",
  scope: "invoices:read",
  destructive: false,
  input: z.strictObject({ opportunity_id: OpportunityId }),
  output: listOf(InvoiceSchema),
  run: async (ctx, input) => wholeList(await listOpportunityInvoices(ctx, input), toInvoiceDto),
});

export const getInvoiceTool = defineTool({
  name: "get_invoice",
  description: "Get one invoice with its lines, status and amounts (minor units).",
  scope: "invoices:read",
  destructive: false,
  input: z.strictObject({ invoice_id: InvoiceId }),
  output: InvoiceSchema,
  run: async (ctx, { invoice_id }) => toInvoiceDto(await getInvoice(ctx, { id: invoice_id })),
});

export const sendInvoiceTool = moneyMovingTool(
  defineTool({
    name: "send_invoice",
    description:
      "Approve and send a DRAFT or SUBMITTED invoice (→ AUTHORISED; a Xero invoice is approved in Xero). Its lines move up to deposit_invoiced or invoiced; automation never moves a line down.",
    scope: "invoices:write",
    destructive: false,
    input: z.strictObject({ invoice_id: InvoiceId }),
    output: InvoiceSchema,
    run: async (ctx, { invoice_id }) => toInvoiceDto(await approveInvoice(ctx, { id: invoice_id })),
  }),
  { dryRun: true },
);

export const recordPaymentTool = moneyMovingTool(
  defineTool({
    name: "record_payment",
    description:
      "Record a payment on a sent invoice; paid_on is YYYY-MM-DD. Native invoices: amount (minor units, at most the amount due) and method (cash, bank transfer, cheque …). Xero invoices: bank_account_id (from list_xero_options kind bank-accounts) and optionally amount (default: the amount due); the payment is recorded in Xero. When nothing is left due the invoice is PAID and the lines it settles move to paid.",
    scope: "invoices:write",
    destructive: false,
    input: z.strictObject({ invoice_id: InvoiceId, ...RecordPaymentInput.shape }),
    output: InvoiceSchema,
    run: async (ctx, input) => toInvoiceDto(await recordPayment(ctx, input)),
  }),
  { dryRun: true },
);

export const voidInvoiceTool = moneyMovingTool(
  defineTool({
    name: "void_invoice",
    description:
      "Void an unpaid invoice (a Xero invoice is voided in Xero). Lines keep their payment status (the ladder is forward-only); correct them with update_opportunity_product if needed.",
    scope: "invoices:write",
    destructive: true,
    input: z.strictObject({ invoice_id: InvoiceId }),
    output: InvoiceSchema,
    run: async (ctx, { invoice_id }) => toInvoiceDto(await voidInvoice(ctx, { id: invoice_id })),
  }),
  { dryRun: true },
);

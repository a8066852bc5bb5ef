import { z } from "zod";
import { InvoiceSchema, PreviewSchema, toInvoiceDto, toPreviewDto } from "../../dto/invoices.ts";
import { toXeroRepeatingInvoiceDto, XeroRepeatingInvoiceSchema } from "../../dto/xero-repeating-invoices.ts";
import { ListXeroOptionsInput, listXeroOptions } from "../../modules/integrations/index.ts";
import {
  CreateXeroInvoiceInput,
  CreateXeroRepeatingInvoiceInput,
  createXeroInvoice,
  createXeroRepeatingInvoice,
  previewInvoice,
  requestXeroSync,
  sendInvoice,
} from "../../modules/invoices/index.ts";
import { moneyMovingTool } from "../money-tool.ts";
import { defineTool } from "../tool.ts";
import { InvoiceId, OpportunityId } from "./shared.ts";

const XeroInvoiceResult = z.object({
  dry_run: z.boolean(),
  preview: PreviewSchema.optional(),
  invoice: InvoiceSchema.optional(),
});

export const createXeroInvoiceTool = moneyMovingTool(
  defineTool({
    name: "create_xero_invoice",
    description:
      "Raise an invoice for an opportunity in the connected Xero organisation (Full, Deposit or Balance portion; Ongoing is a repeating invoice: create_xero_repeating_invoice). status DRAFT or AUTHORISED; email 'xero' has Xero email an approved invoice. account_code and tax types default to the workspace's Xero settings. With dry_run: true nothing is written and the preview (lines, tax, totals in minor units, double_billing warnings) comes back. Created exactly once: retrying after a failure never makes a second Xero invoice.",
    scope: "invoices:write",
    destructive: false,
    input: CreateXeroInvoiceInput.extend({
      opportunity_id: OpportunityId,
      dry_run: z.boolean().default(false).describe("Preview only; write nothing"),
    }),
    output: XeroInvoiceResult,
    run: async (ctx, { dry_run, ...input }) => {
      if (dry_run) {
        const { portion, line_ids, free_lines, opportunity_id } = input;
        const preview = await previewInvoice(ctx, {
          opportunity_id,
          portion,
          ...(line_ids ? { line_ids } : {}),
          ...(free_lines ? { free_lines } : {}),
        });
        return { dry_run: true, preview: toPreviewDto(preview) };
      }
      return { dry_run: false, invoice: toInvoiceDto(await createXeroInvoice(ctx, input)) };
    },
  }),
  { dryRun: false },
);

export const createXeroRepeatingInvoiceTool = moneyMovingTool(
  defineTool({
    name: "create_xero_repeating_invoice",
    description:
      "Bill an opportunity's ongoing lines with a Xero repeating invoice: schedule {unit: week|month, every, start_date, end_date?, due: {type: days_after_invoice|day_of_following_month, day}}; approval draft, approve (Xero emails nobody) or approve_for_sending (Xero emails each invoice it raises). Yearly is every 12 months.",
    scope: "invoices:write",
    destructive: false,
    input: CreateXeroRepeatingInvoiceInput.safeExtend({ opportunity_id: OpportunityId }),
    output: XeroRepeatingInvoiceSchema,
    run: async (ctx, input) => toXeroRepeatingInvoiceDto(await createXeroRepeatingInvoice(ctx, input)),
  }),
  { dryRun: false },
);

export const emailXeroInvoiceTool = defineTool({
  name: "email_xero_invoice",
  description: "Have Xero email a submitted or approved Xero invoice to its contact (Send Invoice).",
  scope: "invoices:write",
  destructive: false,
  input: z.strictObject({ invoice_id: InvoiceId }),
  output: InvoiceSchema,
  run: async (ctx, { invoice_id }) => toInvoiceDto(await sendInvoice(ctx, { id: invoice_id })),
});

export const syncXeroInvoicesTool = defineTool({
  name: "sync_xero_invoices",
  description:
    "Queue a sync of an opportunity's Xero invoices: statuses, payments and due dates come back from Xero and lines move up (never down). Runs in the background within seconds.",
  scope: "invoices:write",
  destructive: false,
  input: z.strictObject({ opportunity_id: OpportunityId }),
  output: z.object({ queued: z.boolean() }),
  run: async (ctx, input) => requestXeroSync(ctx, input),
});

export const listXeroOptionsTool = defineTool({
  name: "list_xero_options",
  description:
    "What the connected Xero organisation offers: kind accounts (revenue account codes for invoice lines), bank-accounts (ids for record_payment's bank_account_id), tax-rates (tax types with their percent) or branding-themes.",
  scope: "invoices:read",
  destructive: false,
  input: ListXeroOptionsInput,
  output: z.object({
    data: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), detail: z.string().nullable() })),
  }),
  run: async (ctx, input) => ({ data: await listXeroOptions(ctx, input) }),
});

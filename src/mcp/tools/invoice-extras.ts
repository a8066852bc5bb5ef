import { z } from "zod";
import { InvoiceSchema, InvoiceSummarySchema, toInvoiceDto } from "../../dto/invoices.ts";
import { CreatedPortalLinkSchema, toCreatedPortalLinkDto } from "../../dto/portal.ts";
import { RecordId } from "../../lib/record-id.ts";
import {
  getInvoiceSummary,
  SendInvoiceInput,
  sendInvoice,
  UpdateInvoiceInput,
  updateInvoice,
} from "../../modules/invoices/index.ts";
import { createPortalLinkFor, MAX_PORTAL_LINK_DAYS } from "../../modules/portal/index.ts";
import { moneyMovingTool } from "../money-tool.ts";
import { defineTool } from "../tool.ts";
import { InvoiceId, OpportunityId } from "./shared.ts";

export const getInvoiceSummaryTool = defineTool({
  name: "get_invoice_summary",
  title: "Invoice summary of an opportunity",
  description:
    "An opportunity's invoiced, paid and outstanding totals in minor units of its currency (outstanding = invoiced − paid, over approved invoices). For line by line status use list_unpaid_lines.",
  scope: "invoices:read",
  destructive: false,
  input: z.strictObject({ opportunity_id: OpportunityId }),
  output: InvoiceSummarySchema,
  run: async (ctx, input) => {
    const s = await getInvoiceSummary(ctx, input);
    return {
      currency: s.currency,
      invoiced_amount: s.invoicedAmount,
      paid_amount: s.paidAmount,
      outstanding_amount: s.outstandingAmount,
      updated_at: s.updatedAt?.toISOString() ?? null,
    };
  },
});

export const updateInvoiceTool = defineTool({
  name: "update_invoice",
  title: "Edit a draft invoice",
  description:
    "Edit an invoice that has not been sent: due_date (YYYY-MM-DD or null), reference, portion label (full, deposit, balance, ongoing), or status SUBMITTED (submit for approval) or DELETED (delete a draft or submitted invoice; its lines keep their status). Sending is send_invoice; voiding a sent one is void_invoice.",
  scope: "invoices:write",
  destructive: true,
  idempotent: true,
  input: z.strictObject({ invoice_id: InvoiceId, ...UpdateInvoiceInput.shape }),
  output: InvoiceSchema,
  run: async (ctx, { invoice_id, ...fields }) => toInvoiceDto(await updateInvoice(ctx, { id: invoice_id, ...fields })),
});

export const emailInvoiceTool = moneyMovingTool(
  defineTool({
    name: "email_invoice",
    title: "Email an invoice",
    description:
      "Send Invoice by email. Native invoices: Settle emails it (approving a draft on the way, so its lines move up to invoiced or deposit_invoiced) to contact_ids or else the opportunity's primary contact, with the PDF, the amount due, Pay now (when a payment link is active) and a client portal link. Xero invoices: Xero emails its own contact (contact_ids not used). Repeating it later is a resend.",
    scope: "invoices:write",
    destructive: false,
    input: z.strictObject({
      invoice_id: InvoiceId,
      contact_ids: SendInvoiceInput.shape.contact_ids.describe(
        "Native invoices: recipients (con_…, from list_contacts); default the primary contact",
      ),
    }),
    output: InvoiceSchema,
    run: async (ctx, { invoice_id, contact_ids }) =>
      toInvoiceDto(await sendInvoice(ctx, { id: invoice_id, ...(contact_ids ? { contact_ids } : {}) })),
  }),
  { dryRun: true },
);

export const createPortalLinkTool = defineTool({
  name: "create_portal_link",
  title: "Create a client portal link",
  description: `A client portal link for a contact: an address where they see and pay their company's invoices, valid for expires_in_days (1–${MAX_PORTAL_LINK_DAYS}, default 30) and revocable by staff. The url is shown only in this answer; share it with the contact.`,
  scope: "invoices:write",
  destructive: false,
  input: z.strictObject({
    contact_id: RecordId.describe("The contact (con_…, from list_contacts); must belong to a company"),
    expires_in_days: z.number().int().min(1).max(MAX_PORTAL_LINK_DAYS).optional().describe("Days until it expires"),
  }),
  output: CreatedPortalLinkSchema,
  run: async (ctx, { contact_id, expires_in_days }) =>
    toCreatedPortalLinkDto(
      await createPortalLinkFor(ctx, {
        contactId: contact_id,
        ...(expires_in_days === undefined ? {} : { expiresInDays: expires_in_days }),
      }),
    ),
});

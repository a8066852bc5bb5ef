import { OpenAPIHono, z } from "@hono/zod-openapi";
import { InvoiceSchema, InvoiceSummarySchema, PreviewSchema, toInvoiceDto, toPreviewDto } from "../../dto/invoices.ts";
import { downloadInvoicePdf } from "../../modules/documents/index.ts";
import {
  approveInvoice,
  CreateInvoiceInput,
  CreateXeroInvoiceInput,
  createInvoice,
  createXeroInvoice,
  getInvoice,
  getInvoiceSummary,
  listOpportunityInvoices,
  PreviewInvoiceInput,
  previewInvoice,
  RecordPaymentInput,
  recordPayment,
  requestXeroSync,
  SendInvoiceInput,
  sendInvoice,
  UpdateInvoiceInput,
  updateInvoice,
  voidInvoice,
} from "../../modules/invoices/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json } from "../openapi.ts";

const tags = ["Invoices"];
const SendInvoiceBody = SendInvoiceInput.omit({ id: true });
const list = z.object({ data: z.array(InvoiceSchema), has_more: z.boolean(), next_cursor: z.string().nullable() });

/** Invoices under an opportunity; mounted at both /opportunities and its legacy alias /deals. */
export function opportunityInvoiceRoutes(base: "opportunities" | "deals") {
  const path = `/${base}/{id}`;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      apiRoute({
        method: "post",
        path: `${path}/invoices/preview`,
        tags,
        summary: "Preview an invoice (no write)",
        scope: "invoices:read",
        request: { params: IdParam, ...body(PreviewInvoiceInput) },
        responses: { 200: json(PreviewSchema, "Lines, amounts and warnings") },
      }),
      async (c) =>
        c.json(
          toPreviewDto(
            await previewInvoice(ctxOf(c), { ...c.req.valid("json"), opportunity_id: c.req.valid("param").id }),
          ),
          200,
        ),
    )
    .openapi(
      apiRoute({
        method: "post",
        path: `${path}/invoices`,
        tags,
        summary: "Raise a native DRAFT invoice",
        scope: "invoices:write",
        request: { params: IdParam, ...body(CreateInvoiceInput) },
        responses: { 201: json(InvoiceSchema, "The draft invoice") },
      }),
      async (c) =>
        c.json(
          toInvoiceDto(
            await createInvoice(ctxOf(c), { ...c.req.valid("json"), opportunity_id: c.req.valid("param").id }),
          ),
          201,
        ),
    )
    .openapi(
      apiRoute({
        method: "post",
        path: `${path}/xero-invoices`,
        tags,
        summary: "Raise the invoice in Xero (draft or approved) and record it",
        scope: "invoices:write",
        request: { params: IdParam, ...body(CreateXeroInvoiceInput) },
        responses: { 201: json(InvoiceSchema, "The invoice as Xero numbered and totalled it") },
      }),
      async (c) =>
        c.json(
          toInvoiceDto(
            await createXeroInvoice(ctxOf(c), { ...c.req.valid("json"), opportunity_id: c.req.valid("param").id }),
          ),
          201,
        ),
    )
    .openapi(
      apiRoute({
        method: "post",
        path: `${path}/xero-invoices/sync`,
        tags,
        summary: "Queue a sync of the opportunity's Xero invoices",
        scope: "invoices:write",
        request: { params: IdParam },
        responses: { 202: json(z.object({ queued: z.boolean() }), "false when a sync was already waiting") },
      }),
      async (c) => c.json(await requestXeroSync(ctxOf(c), { opportunity_id: c.req.valid("param").id }), 202),
    )
    .openapi(
      apiRoute({
        method: "get",
        path: `${path}/invoices`,
        tags,
        summary: "List the opportunity's invoices",
        scope: "invoices:read",
        request: { params: IdParam },
        responses: { 200: json(list, "All invoices, oldest first") },
      }),
      async (c) => {
        const rows = await listOpportunityInvoices(ctxOf(c), { opportunity_id: c.req.valid("param").id });
        return c.json({ data: rows.map(toInvoiceDto), has_more: false, next_cursor: null }, 200);
      },
    )
    .openapi(
      apiRoute({
        method: "get",
        path: `${path}/invoice-summary`,
        tags,
        summary: "Invoiced and paid totals",
        scope: "invoices:read",
        request: { params: IdParam },
        responses: { 200: json(InvoiceSummarySchema, "Totals in the opportunity's currency") },
      }),
      async (c) => {
        const s = await getInvoiceSummary(ctxOf(c), { opportunity_id: c.req.valid("param").id });
        return c.json(
          {
            currency: s.currency,
            invoiced_amount: s.invoicedAmount,
            paid_amount: s.paidAmount,
            outstanding_amount: s.outstandingAmount,
            updated_at: s.updatedAt?.toISOString() ?? null,
          },
          200,
        );
      },
    );
}

export const invoiceRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "get",
      path: "/invoices/{id}",
      tags,
      summary: "Get an invoice",
      scope: "invoices:read",
      request: { params: IdParam },
      responses: { 200: json(InvoiceSchema, "The invoice") },
    }),
    async (c) => c.json(toInvoiceDto(await getInvoice(ctxOf(c), c.req.valid("param"))), 200),
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/invoices/{id}/pdf",
      tags,
      summary: "The invoice as a PDF (branding, lines, totals, Pay now link), as a download",
      scope: "invoices:read",
      request: { params: IdParam },
      responses: {
        200: {
          description: 'application/pdf, Content-Disposition: attachment; filename="<number>.pdf"',
          content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
        },
      },
    }),
    async (c) => {
      const pdf = await downloadInvoicePdf(ctxOf(c), c.req.valid("param"));
      return c.body(new Uint8Array(pdf.content), 200, {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${pdf.filename}"`,
        "cache-control": "private, no-store",
      });
    },
  )
  .openapi(
    apiRoute({
      method: "patch",
      path: "/invoices/{id}",
      tags,
      summary: "Edit status, due date, reference or portion label",
      scope: "invoices:write",
      request: { params: IdParam, ...body(UpdateInvoiceInput) },
      responses: { 200: json(InvoiceSchema, "The invoice") },
    }),
    async (c) =>
      c.json(toInvoiceDto(await updateInvoice(ctxOf(c), { ...c.req.valid("json"), id: c.req.valid("param").id })), 200),
  )
  .openapi(
    apiRoute({
      method: "post",
      path: "/invoices/{id}/approve",
      tags,
      summary: "Approve (→ AUTHORISED; in Xero first for Xero invoices); lines move up",
      scope: "invoices:write",
      request: { params: IdParam },
      responses: { 200: json(InvoiceSchema, "The invoice") },
    }),
    async (c) => c.json(toInvoiceDto(await approveInvoice(ctxOf(c), c.req.valid("param"))), 200),
  )
  .openapi(
    apiRoute({
      method: "post",
      path: "/invoices/{id}/void",
      tags,
      summary: "Void an unpaid invoice (in Xero first for Xero invoices; lines keep their status)",
      scope: "invoices:write",
      request: { params: IdParam },
      responses: { 200: json(InvoiceSchema, "The invoice") },
    }),
    async (c) => c.json(toInvoiceDto(await voidInvoice(ctxOf(c), c.req.valid("param"))), 200),
  )
  .openapi(
    apiRoute({
      method: "post",
      path: "/invoices/{id}/payments",
      tags,
      summary:
        "Record a payment: native invoices by hand ({amount, paid_on, method}); Xero invoices in Xero ({paid_on, bank_account_id, amount?}, the amount due by default)",
      scope: "invoices:write",
      request: { params: IdParam, ...body(RecordPaymentInput) },
      responses: { 200: json(InvoiceSchema, "The invoice after the payment") },
    }),
    async (c) => {
      const payment = { ...c.req.valid("json"), invoice_id: c.req.valid("param").id };
      return c.json(toInvoiceDto(await recordPayment(ctxOf(c), payment)), 200);
    },
  )
  .openapi(
    apiRoute({
      method: "post",
      path: "/invoices/{id}/send",
      tags,
      summary:
        "Send Invoice: Settle emails a native invoice (approving a draft) to contact_ids or the primary contact; Xero emails a Xero invoice",
      description:
        "Native invoices: one email per recipient with the PDF, the amount due, Pay now (with an active payment link) and a client portal link, queued with the approval. The same send repeated within 10 seconds (or with the same Idempotency-Key) sends once; a later send is a resend. Delivery results: GET /mail?related_id=<invoice id>.",
      scope: "invoices:write",
      request: {
        params: IdParam,
        body: { required: false, content: { "application/json": { schema: SendInvoiceBody } } },
      },
      responses: { 200: json(InvoiceSchema, "The invoice, marked sent") },
    }),
    async (c) => {
      const body = c.req.valid("json") as { contact_ids?: string[] } | undefined;
      const input = { ...c.req.valid("param"), ...(body?.contact_ids ? { contact_ids: body.contact_ids } : {}) };
      return c.json(toInvoiceDto(await sendInvoice(ctxOf(c), input)), 200);
    },
  );

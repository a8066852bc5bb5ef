import { OpenAPIHono, z } from "@hono/zod-openapi";
import { PayerCompanySchema, toPayerCompanyDto, toXeroPinDto, XeroPinSchema } from "../../dto/xero-sync.ts";
import {
  addPayerCompany,
  listPayerCompanies,
  listXeroRaisedInvoices,
  pinXeroRaisedInvoice,
  removePayerCompany,
  type XeroRaisedInvoiceView,
} from "../../modules/invoices/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json, PathId } from "../openapi.ts";
import type { OpportunityBase } from "./opportunities.ts";

const tags = ["Invoices"];
const RaisedSchema = z
  .object({
    xero_invoice_id: z.string(),
    number: z.string(),
    reference: z.string().nullable(),
    status: z.string(),
    currency: z.string(),
    total_amount: z.number().int(),
    amount_paid_amount: z.number().int(),
    amount_due_amount: z.number().int(),
    issue_date: z.string().nullable(),
    due_date: z.string().nullable(),
    paid_on: z.string().nullable(),
    company_id: z.string(),
    company_name: z.string(),
    payer: z.boolean().openapi({ description: "Billed to a payer company, not the client" }),
    repeating_invoice_id: z.string().nullable(),
    pinned_opportunity_id: z.string().nullable(),
    origin: z
      .enum(["xero", "repeating"])
      .openapi({ description: "Raised in Xero directly, or by a repeating invoice" }),
  })
  .openapi("XeroRaisedInvoice");
const toRaised = (r: XeroRaisedInvoiceView) => ({
  xero_invoice_id: r.externalId,
  number: r.number,
  reference: r.reference,
  status: r.status,
  currency: r.currency,
  total_amount: r.totalAmount,
  amount_paid_amount: r.amountPaidAmount,
  amount_due_amount: r.amountDueAmount,
  issue_date: r.issueDate,
  due_date: r.dueDate,
  paid_on: r.fullyPaidOn,
  company_id: r.companyId,
  company_name: r.companyName,
  payer: r.payer,
  repeating_invoice_id: r.repeatingInvoiceId,
  pinned_opportunity_id: r.pinnedOpportunityId,
  origin: r.repeatingInvoiceId ? ("repeating" as const) : ("xero" as const),
});
const PayerParams = z.object({
  id: PathId.openapi({ param: { name: "id", in: "path" } }),
  company_id: PathId.openapi({ param: { name: "company_id", in: "path" } }),
});
const XeroInvoiceParam = z.object({
  xero_invoice_id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "xero_invoice_id", in: "path" } }),
});
const PinBody = z.strictObject({ opportunity_id: z.string().min(1).max(64).nullable() });

/**
 * Payer companies (SPEC §4.6) and the Xero-raised invoices an opportunity shows beside its own, under
 * /opportunities and its /deals alias.
 */
export function payerCompanyRoutes(base: OpportunityBase) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      apiRoute({
        method: "get",
        path: `${base}/{id}/payer-companies`,
        tags,
        summary: "The opportunity's payer companies",
        scope: "invoices:read",
        request: { params: IdParam },
        responses: { 200: json(z.object({ data: z.array(PayerCompanySchema) }), "Payer companies") },
      }),
      async (c) => {
        const list = await listPayerCompanies(ctxOf(c), { opportunity_id: c.req.valid("param").id });
        return c.json({ data: list.map(toPayerCompanyDto) }, 200);
      },
    )
    .openapi(
      apiRoute({
        method: "put",
        path: `${base}/{id}/payer-companies/{company_id}`,
        tags,
        summary: "Add a payer company to the opportunity",
        scope: "invoices:write",
        request: { params: PayerParams },
        responses: { 200: json(z.object({ data: z.array(PayerCompanySchema) }), "Payer companies") },
      }),
      async (c) => {
        const p = c.req.valid("param");
        const list = await addPayerCompany(ctxOf(c), { opportunity_id: p.id, company_id: p.company_id });
        return c.json({ data: list.map(toPayerCompanyDto) }, 200);
      },
    )
    .openapi(
      apiRoute({
        method: "delete",
        path: `${base}/{id}/payer-companies/{company_id}`,
        tags,
        summary: "Remove a payer company from the opportunity",
        scope: "invoices:write",
        request: { params: PayerParams },
        responses: { 200: json(z.object({ data: z.array(PayerCompanySchema) }), "Payer companies") },
      }),
      async (c) => {
        const p = c.req.valid("param");
        const list = await removePayerCompany(ctxOf(c), { opportunity_id: p.id, company_id: p.company_id });
        return c.json({ data: list.map(toPayerCompanyDto) }, 200);
      },
    )
    .openapi(
      apiRoute({
        method: "get",
        path: `${base}/{id}/xero-raised-invoices`,
        tags,
        summary: "Invoices raised in Xero for the client and payer companies (they never move line statuses)",
        scope: "invoices:read",
        request: { params: IdParam },
        responses: { 200: json(z.object({ data: z.array(RaisedSchema) }), "Invoices raised in Xero") },
      }),
      async (c) => {
        const list = await listXeroRaisedInvoices(ctxOf(c), { opportunity_id: c.req.valid("param").id });
        return c.json({ data: list.map(toRaised) }, 200);
      },
    );
}

/** Pins an invoice raised in Xero to one opportunity. */
export const xeroRaisedInvoicePinRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  apiRoute({
    method: "post",
    path: "/xero-raised-invoices/{xero_invoice_id}/pin",
    tags,
    summary: "Pin an invoice raised in Xero to one opportunity (null unpins)",
    scope: "invoices:write",
    request: { params: XeroInvoiceParam, ...body(PinBody) },
    responses: {
      200: json(XeroPinSchema, "Pinned"),
    },
  }),
  async (c) => {
    const row = await pinXeroRaisedInvoice(ctxOf(c), {
      xero_invoice_id: c.req.valid("param").xero_invoice_id,
      opportunity_id: c.req.valid("json").opportunity_id,
    });
    return c.json(toXeroPinDto(row), 200);
  },
);

import { OpenAPIHono, z } from "@hono/zod-openapi";
import { toXeroRepeatingInvoiceDto, XeroRepeatingInvoiceSchema } from "../../dto/xero-repeating-invoices.ts";
import {
  CreateXeroRepeatingInvoiceInput,
  createXeroRepeatingInvoice,
  deleteXeroRepeatingInvoice,
  listXeroRepeatingInvoices,
} from "../../modules/invoices/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json } from "../openapi.ts";

const tags = ["Invoices"];

/** Ongoing portions billed by Xero repeating invoices (SPEC §4.5), under /opportunities or /deals. */
export function xeroRepeatingInvoiceRoutes(base: "opportunities" | "deals") {
  const path = `/${base}/{id}/xero-repeating-invoices`;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      apiRoute({
        method: "post",
        path,
        tags,
        summary: "Bill the ongoing lines with a Xero repeating invoice on a schedule",
        scope: "invoices:write",
        request: { params: IdParam, ...body(CreateXeroRepeatingInvoiceInput) },
        responses: { 201: json(XeroRepeatingInvoiceSchema, "The repeating invoice as Xero created it") },
      }),
      async (c) => {
        const created = await createXeroRepeatingInvoice(ctxOf(c), {
          ...c.req.valid("json"),
          opportunity_id: c.req.valid("param").id,
        });
        return c.json(toXeroRepeatingInvoiceDto(created), 201);
      },
    )
    .openapi(
      apiRoute({
        method: "get",
        path,
        tags,
        summary: "The opportunity's Xero repeating invoices",
        scope: "invoices:read",
        request: { params: IdParam },
        responses: { 200: json(z.object({ data: z.array(XeroRepeatingInvoiceSchema) }), "Live schedules") },
      }),
      async (c) => {
        const rows = await listXeroRepeatingInvoices(ctxOf(c), { opportunity_id: c.req.valid("param").id });
        return c.json({ data: rows.map(toXeroRepeatingInvoiceDto) }, 200);
      },
    );
}

/** Deleting a template, in Xero first. */
export const xeroRepeatingInvoiceItemRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  apiRoute({
    method: "delete",
    path: "/xero-repeating-invoices/{id}",
    tags,
    summary: "Delete a Xero repeating invoice (the invoices it raised stay)",
    scope: "invoices:write",
    request: { params: IdParam },
    responses: { 204: { description: "Deleted in Xero and here" } },
  }),
  async (c) => {
    await deleteXeroRepeatingInvoice(ctxOf(c), { id: c.req.valid("param").id });
    return c.body(null, 204);
  },
);

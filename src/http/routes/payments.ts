import { OpenAPIHono, z } from "@hono/zod-openapi";
import { stream } from "hono/streaming";
import { InvoiceSchema, toInvoiceDto } from "../../dto/invoices.ts";
import { BusinessEventSchema, PaymentSchema, toBusinessEventDto, toPaymentDto } from "../../dto/payments.ts";
import {
  CreatePaymentLinkBody,
  createPaymentLink,
  getPaymentEvent,
  ListBusinessEventsInput,
  ListPaymentsInput,
  listBusinessEvents,
  listPayments,
  paymentsCsv,
  syncInvoicePayments,
} from "../../modules/payments/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json, pageOf } from "../openapi.ts";

const tags = ["Payments"];
const coerced = <T extends z.ZodRawShape>(shape: T) => z.object(shape);
const PaymentsQuery = coerced({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  invoice_id: ListPaymentsInput.shape.invoice_id,
  opportunity_id: ListPaymentsInput.shape.opportunity_id,
  type: ListPaymentsInput.shape.type,
  status: ListPaymentsInput.shape.status,
  q: ListPaymentsInput.shape.q,
});
const EventsQuery = coerced({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  type: ListBusinessEventsInput.shape.type,
  invoice_id: ListBusinessEventsInput.shape.invoice_id,
  opportunity_id: ListBusinessEventsInput.shape.opportunity_id,
});

/** Stripe payment links on invoices, the payment log and the business events payments record (SPEC §5). */
export const paymentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "post",
      path: "/invoices/{id}/payment-link",
      tags,
      summary:
        "Create a Stripe payment link (Pay now) for a native invoice: one-time for the amount due, or a subscription charging the total every day, week, month or year",
      scope: "invoices:write",
      request: { params: IdParam, ...body(CreatePaymentLinkBody) },
      responses: { 201: json(InvoiceSchema, "The invoice with its payment_link") },
    }),
    async (c) => {
      const input = { ...c.req.valid("json"), invoice_id: c.req.valid("param").id };
      return c.json(toInvoiceDto(await createPaymentLink(ctxOf(c), input)), 201);
    },
  )
  .openapi(
    apiRoute({
      method: "post",
      path: "/invoices/{id}/payment-sync",
      tags,
      summary: "Sync payment status: pull what Stripe knows about the invoice's payments (same path as webhooks)",
      scope: "invoices:write",
      request: { params: IdParam },
      responses: { 200: json(InvoiceSchema, "The invoice after the sync") },
    }),
    async (c) => {
      const { invoice } = await syncInvoicePayments(ctxOf(c), c.req.valid("param"));
      return c.json(toInvoiceDto(invoice), 200);
    },
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/payments",
      tags,
      summary: "The payment log: every Stripe payment, refund and subscription in the workspace, newest first",
      scope: "invoices:read",
      request: { query: PaymentsQuery },
      responses: { 200: json(pageOf(PaymentSchema), "One page") },
    }),
    async (c) => {
      const page = await listPayments(ctxOf(c), c.req.valid("query"));
      return c.json({ data: page.data.map(toPaymentDto), has_more: page.hasMore, next_cursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/payments/{id}/event",
      tags,
      summary: "A payment log row with the raw Stripe event that last reported on it",
      scope: "invoices:read",
      request: { params: IdParam },
      responses: {
        200: json(
          z.object({
            payment: PaymentSchema,
            event: z
              .record(z.string(), z.unknown())
              .nullable()
              .openapi({ description: "Null when a sync reported it" }),
          }),
          "The payment and its event",
        ),
      },
    }),
    async (c) => {
      const found = await getPaymentEvent(ctxOf(c), c.req.valid("param"));
      return c.json({ payment: toPaymentDto(found.payment), event: found.event }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/payments.csv",
      tags,
      summary: "The payment log as CSV (same filters as /payments; streamed)",
      scope: "invoices:read",
      request: { query: PaymentsQuery.omit({ limit: true }) },
      responses: { 200: { description: "text/csv", content: { "text/csv": { schema: z.string() } } } },
    }),
    async (c) => {
      const rows = paymentsCsv(ctxOf(c), c.req.valid("query"));
      // The first chunk (header, filters and scope checked) is produced before the status is sent.
      const first = await rows.next();
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", 'attachment; filename="payments.csv"');
      return stream(c, async (out) => {
        if (!first.done) await out.write(first.value);
        for await (const chunk of rows) await out.write(chunk);
      });
    },
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/events",
      tags,
      summary: "Business events (payment_succeeded once per invoice, payment_failed, payment_refunded…), newest first",
      scope: "invoices:read",
      request: { query: EventsQuery },
      responses: { 200: json(pageOf(BusinessEventSchema), "One page") },
    }),
    async (c) => {
      const page = await listBusinessEvents(ctxOf(c), c.req.valid("query"));
      return c.json(
        { data: page.data.map(toBusinessEventDto), has_more: page.hasMore, next_cursor: page.nextCursor },
        200,
      );
    },
  );

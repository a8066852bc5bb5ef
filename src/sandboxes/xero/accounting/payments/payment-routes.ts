import { type Context, Hono } from "hono";
import type { ApiEnv } from "../../api/api-env.ts";
import {
  applyPaging,
  batchResponse,
  type ElementOutcome,
  modifiedAfter,
  readIfModifiedSince,
  readPaging,
  readSummarizeErrors,
  wireQuery,
} from "../../api/batch.ts";
import { readJsonBody } from "../../api/request-body.ts";
import { envelope, notFound, queryParseError, singleValidationError } from "../../api/responses.ts";
import { compileOrder, compileWhere, type FieldMap, QueryError } from "../../api/where-filter.ts";
import type { SandboxContext } from "../../context.ts";
import { dayToMs } from "../../core/dates.ts";
import { list, str, type WireObject } from "../../core/wire-input.ts";
import type { OrganisationRecord, PaymentRecord } from "../../state/types.ts";
import { createPayment, deletePayment, type PaymentResult } from "./payment-service.ts";
import { paymentToWire } from "./payment-wire.ts";

const SHAPE = { key: "Payments", errorFlag: "HasValidationErrors" };

function paymentFields(org: OrganisationRecord): FieldMap<PaymentRecord> {
  return {
    paymentid: (p) => p.paymentId,
    status: (p) => p.status,
    "invoice.invoiceid": (p) => p.invoiceId,
    "invoice.invoicenumber": (p) => org.invoices[p.invoiceId]?.invoiceNumber,
    reference: (p) => p.reference,
    amount: (p) => p.amount,
    date: (p) => dayToMs(p.date),
    updateddateutc: (p) => p.updatedMs,
    paymenttype: (p) => (org.invoices[p.invoiceId]?.type === "ACCPAY" ? "ACCPAYPAYMENT" : "ACCRECPAYMENT"),
  };
}

export function paymentRoutes(ctx: SandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const now = (): number => ctx.clock.nowMs();
  const outcome = (org: OrganisationRecord, item: WireObject, result: PaymentResult): ElementOutcome =>
    result.ok
      ? { ok: true, wire: paymentToWire(org, result.payment) }
      : { ok: false, echo: item, errors: result.errors };

  app.get("/Payments", (c) => {
    const org = c.get("org");
    try {
      const fields = paymentFields(org);
      const where = wireQuery(c, "where");
      const since = readIfModifiedSince(c);
      let payments = Object.values(org.payments).filter((p) => modifiedAfter(p.updatedMs, since));
      if (where) payments = payments.filter(compileWhere(where, fields, "Payment"));
      const order = wireQuery(c, "order");
      if (order) payments.sort(compileOrder(order, fields, "Payment"));
      const page = applyPaging(payments, readPaging(c));
      const extra = page.pagination ? { pagination: page.pagination } : {};
      return c.json(
        envelope(
          now(),
          "Payments",
          page.items.map((p) => paymentToWire(org, p)),
          extra,
        ),
      );
    } catch (error) {
      if (error instanceof QueryError) return queryParseError(c, error.message);
      throw error;
    }
  });

  app.get("/Payments/:id", (c) => {
    const org = c.get("org");
    const payment = org.payments[c.req.param("id").toLowerCase()];
    return payment ? c.json(envelope(now(), "Payments", [paymentToWire(org, payment)])) : notFound(c);
  });

  const create = async (c: Context<ApiEnv>) => {
    const parsed = await readJsonBody(c);
    if (!parsed.ok) return parsed.response;
    const items = list(parsed.body, "Payments") ?? [parsed.body];
    const org = c.get("org");
    const outcomes = items.map((item) => outcome(org, item, createPayment(ctx, org, item)));
    return batchResponse(c, now(), SHAPE, outcomes, readSummarizeErrors(c));
  };
  app.put("/Payments", create);
  app.post("/Payments", create);

  app.post("/Payments/:id", async (c) => {
    const org = c.get("org");
    const payment = org.payments[c.req.param("id").toLowerCase()];
    if (!payment) return notFound(c);
    const parsed = await readJsonBody(c);
    if (!parsed.ok) return parsed.response;
    const item = list(parsed.body, "Payments")?.[0] ?? parsed.body;
    if (str(item, "Status") !== "DELETED")
      return singleValidationError(c, "Payments can only be deleted; set Status to DELETED.", {
        PaymentID: payment.paymentId,
      });
    return batchResponse(c, now(), SHAPE, [outcome(org, item, deletePayment(ctx, org, payment))], true);
  });

  return app;
}

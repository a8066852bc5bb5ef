import { type Context, Hono } from "hono";
import type { ApiEnv } from "../../api/api-env.ts";
import {
  applyPaging,
  batchResponse,
  csvQuery,
  type ElementOutcome,
  readIfModifiedSince,
  readPaging,
  readSummarizeErrors,
  wireQuery,
} from "../../api/batch.ts";
import { readJsonBody } from "../../api/request-body.ts";
import { envelope, notFound, queryParseError, singleValidationError } from "../../api/responses.ts";
import { QueryError } from "../../api/where-filter.ts";
import type { SandboxContext } from "../../context.ts";
import { isoSeconds, msInstant } from "../../core/dates.ts";
import { list, str, type WireObject } from "../../core/wire-input.ts";
import type { InvoiceRecord, OrganisationRecord } from "../../state/types.ts";
import { createInvoice, type InvoiceResult } from "./invoice-create.ts";
import { emailInvoice } from "./invoice-email.ts";
import { queryInvoices } from "./invoice-query.ts";
import { updateInvoice } from "./invoice-update.ts";
import { invoiceToWire } from "./invoice-wire.ts";

const SHAPE = { key: "Invoices", errorFlag: "HasErrors" };

export function findInvoice(org: OrganisationRecord, idOrNumber: string): InvoiceRecord | undefined {
  return (
    org.invoices[idOrNumber.toLowerCase()] ?? Object.values(org.invoices).find((i) => i.invoiceNumber === idOrNumber)
  );
}

export function invoiceRoutes(ctx: SandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const now = (): number => ctx.clock.nowMs();
  const unitdp = (c: Context): number => (wireQuery(c, "unitdp") === "4" ? 4 : 2);

  app.get("/Invoices", (c) => {
    const org = c.get("org");
    try {
      const invoices = queryInvoices(org, {
        ids: csvQuery(c, "IDs"),
        invoiceNumbers: csvQuery(c, "InvoiceNumbers"),
        contactIds: csvQuery(c, "ContactIDs"),
        statuses: csvQuery(c, "Statuses"),
        where: wireQuery(c, "where"),
        order: wireQuery(c, "order"),
        searchTerm: wireQuery(c, "searchTerm"),
        modifiedSinceMs: readIfModifiedSince(c),
        createdByClientId: wireQuery(c, "createdByMyApp") === "true" ? c.get("claims").client_id : undefined,
      });
      const summaryOnly = wireQuery(c, "summaryOnly") === "true";
      const paging = readPaging(c) ?? (summaryOnly ? { page: 1, pageSize: 100 } : undefined);
      const page = applyPaging(invoices, paging);
      const options = { includeLines: paging !== undefined && !summaryOnly, unitdp: unitdp(c) };
      const extra = page.pagination ? { pagination: page.pagination } : {};
      return c.json(
        envelope(
          now(),
          "Invoices",
          page.items.map((i) => invoiceToWire(org, i, options)),
          extra,
        ),
      );
    } catch (error) {
      if (error instanceof QueryError) return queryParseError(c, error.message);
      throw error;
    }
  });

  app.get("/Invoices/:id", (c) => {
    const org = c.get("org");
    const invoice = findInvoice(org, c.req.param("id"));
    if (!invoice) return notFound(c);
    return c.json(
      envelope(now(), "Invoices", [invoiceToWire(org, invoice, { includeLines: true, unitdp: unitdp(c) })]),
    );
  });

  const writeMany = (allowUpdate: boolean) => async (c: Context<ApiEnv>) => {
    const parsed = await readJsonBody(c);
    if (!parsed.ok) return parsed.response;
    const items = list(parsed.body, "Invoices");
    if (!items) return singleValidationError(c, "Invoices must be provided as an array.");
    const org = c.get("org");
    const outcomes = items.map((item) => {
      const existing = allowUpdate ? matchExisting(org, item) : undefined;
      const result = existing
        ? updateInvoice(ctx, org, existing, item, unitdp(c))
        : createInvoice(ctx, org, item, { unitdp: unitdp(c), clientId: c.get("claims").client_id });
      return toOutcome(org, item, result, unitdp(c));
    });
    return batchResponse(c, now(), SHAPE, outcomes, readSummarizeErrors(c));
  };
  app.put("/Invoices", writeMany(false));
  app.post("/Invoices", writeMany(true));

  app.post("/Invoices/:id", async (c) => {
    const org = c.get("org");
    const invoice = findInvoice(org, c.req.param("id"));
    if (!invoice) return notFound(c);
    const parsed = await readJsonBody(c);
    if (!parsed.ok) return parsed.response;
    const item = list(parsed.body, "Invoices")?.[0] ?? parsed.body;
    const result = updateInvoice(ctx, org, invoice, item, unitdp(c));
    return batchResponse(c, now(), SHAPE, [toOutcome(org, item, result, unitdp(c))], true);
  });

  app.post("/Invoices/:id/Email", async (c) => {
    const org = c.get("org");
    const invoice = findInvoice(org, c.req.param("id"));
    if (!invoice) return notFound(c);
    const parsed = await readJsonBody(c);
    if (!parsed.ok) return parsed.response;
    const result = emailInvoice(ctx, org, invoice, "api");
    return result.ok ? c.body(null, 204) : singleValidationError(c, result.error, { InvoiceID: invoice.invoiceId });
  });

  app.get("/Invoices/:id/History", (c) => {
    const invoice = findInvoice(c.get("org"), c.req.param("id"));
    if (!invoice) return notFound(c);
    const records = (invoice.history ?? []).map((h) => ({
      Changes: h.changes,
      DateUTCString: isoSeconds(h.atMs),
      DateUTC: msInstant(h.atMs),
      User: "System Generated",
      Details: h.details,
    }));
    return c.json(envelope(now(), "HistoryRecords", records.reverse()));
  });

  app.get("/Invoices/:id/OnlineInvoice", (c) => {
    const org = c.get("org");
    const invoice = findInvoice(org, c.req.param("id"));
    if (!invoice) return notFound(c);
    if (invoice.type !== "ACCREC" || invoice.status === "DRAFT" || invoice.status === "DELETED") {
      return singleValidationError(c, "Online invoices are only available for approved sales invoices.", {
        InvoiceID: invoice.invoiceId,
      });
    }
    const url = `${ctx.publicUrl}/in/${org.organisationId}/${invoice.invoiceId}`;
    return c.json(envelope(now(), "OnlineInvoices", [{ OnlineInvoiceUrl: url }]));
  });

  return app;
}

function matchExisting(org: OrganisationRecord, item: WireObject): InvoiceRecord | undefined {
  const id = str(item, "InvoiceID");
  if (id) return org.invoices[id.toLowerCase()];
  const number = str(item, "InvoiceNumber");
  return number
    ? Object.values(org.invoices).find((i) => i.invoiceNumber === number && i.status !== "DELETED")
    : undefined;
}

function toOutcome(org: OrganisationRecord, item: WireObject, result: InvoiceResult, unitdp: number): ElementOutcome {
  return result.ok
    ? { ok: true, wire: invoiceToWire(org, result.invoice, { includeLines: true, unitdp }) }
    : { ok: false, echo: item, errors: result.errors };
}

import { type Context, Hono } from "hono";
import type { ApiEnv } from "../../api/api-env.ts";
import { batchResponse, type ElementOutcome, readSummarizeErrors, wireQuery } from "../../api/batch.ts";
import { readJsonBody } from "../../api/request-body.ts";
import { envelope, notFound, queryParseError, singleValidationError } from "../../api/responses.ts";
import { compileOrder, compileWhere, type FieldMap, QueryError } from "../../api/where-filter.ts";
import type { SandboxContext } from "../../context.ts";
import { list, str, type WireObject } from "../../core/wire-input.ts";
import type { OrganisationRecord, RepeatingInvoiceRecord } from "../../state/types.ts";
import { createRepeatingInvoice, type RepeatingResult, updateRepeatingInvoice } from "./repeating-service.ts";
import { repeatingToWire } from "./repeating-wire.ts";

const SHAPE = { key: "RepeatingInvoices", errorFlag: "HasErrors" };

const FIELDS: FieldMap<RepeatingInvoiceRecord> = {
  repeatinginvoiceid: (r) => r.repeatingInvoiceId,
  type: (r) => r.type,
  status: (r) => r.status,
  reference: (r) => r.reference,
  "contact.contactid": (r) => r.contactId,
  total: (r) => r.total,
};

export function repeatingRoutes(ctx: SandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const now = (): number => ctx.clock.nowMs();
  const outcome = (org: OrganisationRecord, item: WireObject, result: RepeatingResult): ElementOutcome =>
    result.ok
      ? { ok: true, wire: repeatingToWire(org, result.repeating) }
      : { ok: false, echo: item, errors: result.errors };

  app.get("/RepeatingInvoices", (c) => {
    const org = c.get("org");
    try {
      const where = wireQuery(c, "where");
      let items = Object.values(org.repeatingInvoices);
      if (where) items = items.filter(compileWhere(where, FIELDS, "RepeatingInvoice"));
      const order = wireQuery(c, "order");
      if (order) items.sort(compileOrder(order, FIELDS, "RepeatingInvoice"));
      return c.json(
        envelope(
          now(),
          "RepeatingInvoices",
          items.map((r) => repeatingToWire(org, r)),
        ),
      );
    } catch (error) {
      if (error instanceof QueryError) return queryParseError(c, error.message);
      throw error;
    }
  });

  app.get("/RepeatingInvoices/:id", (c) => {
    const org = c.get("org");
    const item = org.repeatingInvoices[c.req.param("id").toLowerCase()];
    return item ? c.json(envelope(now(), "RepeatingInvoices", [repeatingToWire(org, item)])) : notFound(c);
  });

  /** PUT creates; POST (updateOrCreateRepeatingInvoices) also deletes the elements naming an existing template. */
  const write = (allowDelete: boolean) => async (c: Context<ApiEnv>) => {
    const parsed = await readJsonBody(c);
    if (!parsed.ok) return parsed.response;
    const items = list(parsed.body, "RepeatingInvoices");
    if (!items) return singleValidationError(c, "RepeatingInvoices must be provided as an array.");
    const org = c.get("org");
    const outcomes = items.map((item) => {
      const id = (str(item, "RepeatingInvoiceID") ?? str(item, "ID"))?.toLowerCase();
      if (allowDelete && id) {
        const existing = org.repeatingInvoices[id];
        return existing
          ? outcome(org, item, updateRepeatingInvoice(ctx, existing, item))
          : outcome(org, item, { ok: false, errors: ["The repeating invoice could not be found."] });
      }
      return outcome(org, item, createRepeatingInvoice(ctx, org, item));
    });
    return batchResponse(c, now(), SHAPE, outcomes, readSummarizeErrors(c));
  };
  app.put("/RepeatingInvoices", write(false));
  app.post("/RepeatingInvoices", write(true));

  app.post("/RepeatingInvoices/:id", async (c) => {
    const org = c.get("org");
    const item = org.repeatingInvoices[c.req.param("id").toLowerCase()];
    if (!item) return notFound(c);
    const parsed = await readJsonBody(c);
    if (!parsed.ok) return parsed.response;
    const body = list(parsed.body, "RepeatingInvoices")?.[0] ?? parsed.body;
    return batchResponse(c, now(), SHAPE, [outcome(org, body, updateRepeatingInvoice(ctx, item, body))], true);
  });

  return app;
}

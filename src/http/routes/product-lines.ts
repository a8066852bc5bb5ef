import { OpenAPIHono } from "@hono/zod-openapi";
import { LineSchema, StatusChangeSchema, toLineDto, toStatusChangeDto } from "../../dto/opportunities.ts";
import {
  AddLineInput,
  addLine,
  getLine,
  listLines,
  listPaymentStatusHistory,
  ReorderLinesInput,
  removeLine,
  reorderLines,
  UpdateLineInput,
  updateLine,
} from "../../modules/opportunities/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json, PageQuerySchema, PathId, pageOf } from "../openapi.ts";
import type { OpportunityBase } from "./opportunities.ts";

const LineParams = IdParam.extend({
  lineId: PathId.openapi({ param: { name: "lineId", in: "path" } }),
});
const statusNote =
  "`payment_status` appears on lines only with invoices:read (the key is absent otherwise). Setting it needs invoices:write: without it the request is 403 and nothing changes.";

function lineList(lines: Parameters<typeof toLineDto>[0][]) {
  return { data: lines.map(toLineDto), has_more: false, next_cursor: null };
}

export function productLineRoutes(base: OpportunityBase) {
  const tags = [base === "/deals" ? "Deals (alias of Opportunities)" : "Product lines"];
  const lines = `${base}/{id}/products`;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      apiRoute({
        method: "get",
        path: lines,
        tags,
        summary: "List an opportunity's product lines in sort_order",
        description: statusNote,
        scope: "opportunities:read",
        request: { params: IdParam },
        responses: { 200: json(pageOf(LineSchema), "Every line (one page)") },
      }),
      async (c) => c.json(lineList(await listLines(ctxOf(c), { opportunity_id: c.req.valid("param").id })), 200),
    )
    .openapi(
      apiRoute({
        method: "post",
        path: lines,
        tags,
        summary: "Add a product line",
        description: `unit_amount, tax_rate default to the product's (unit_amount is required when the product's currency differs). ${statusNote}`,
        scope: "opportunities:write",
        request: { params: IdParam, ...body(AddLineInput) },
        responses: { 201: json(LineSchema, "The line") },
      }),
      async (c) =>
        c.json(
          toLineDto(await addLine(ctxOf(c), { ...c.req.valid("json"), opportunity_id: c.req.valid("param").id })),
          201,
        ),
    )
    .openapi(
      apiRoute({
        method: "post",
        path: `${lines}/reorder`,
        tags,
        summary: "Reorder the lines: line_ids lists every line once, in the new order",
        scope: "opportunities:write",
        request: { params: IdParam, ...body(ReorderLinesInput) },
        responses: { 200: json(pageOf(LineSchema), "The lines in their new order") },
      }),
      async (c) => {
        const reordered = await reorderLines(ctxOf(c), {
          ...c.req.valid("json"),
          opportunity_id: c.req.valid("param").id,
        });
        return c.json(lineList(reordered), 200);
      },
    )
    .openapi(
      apiRoute({
        method: "get",
        path: `${lines}/{lineId}`,
        tags,
        summary: "Get a product line",
        description: statusNote,
        scope: "opportunities:read",
        request: { params: LineParams },
        responses: { 200: json(LineSchema, "The line") },
      }),
      async (c) => {
        const { id, lineId } = c.req.valid("param");
        return c.json(toLineDto(await getLine(ctxOf(c), { opportunity_id: id, line_id: lineId })), 200);
      },
    )
    .openapi(
      apiRoute({
        method: "patch",
        path: `${lines}/{lineId}`,
        tags,
        summary: "Edit a product line (quantity, price, discount, deposit, tax, order, payment status)",
        description: `A manual payment_status sets exactly the value given, up or down, and is recorded in the history. ${statusNote}`,
        scope: "opportunities:write",
        request: { params: LineParams, ...body(UpdateLineInput) },
        responses: { 200: json(LineSchema, "The line") },
      }),
      async (c) => {
        const { id, lineId } = c.req.valid("param");
        const line = await updateLine(ctxOf(c), { ...c.req.valid("json"), opportunity_id: id, line_id: lineId });
        return c.json(toLineDto(line), 200);
      },
    )
    .openapi(
      apiRoute({
        method: "delete",
        path: `${lines}/{lineId}`,
        tags,
        summary: "Remove a product line (its payment status history is kept)",
        scope: "opportunities:write",
        request: { params: LineParams },
        responses: { 204: { description: "Removed" } },
      }),
      async (c) => {
        const { id, lineId } = c.req.valid("param");
        await removeLine(ctxOf(c), { opportunity_id: id, line_id: lineId });
        return c.body(null, 204);
      },
    )
    .openapi(
      apiRoute({
        method: "get",
        path: `${lines}/{lineId}/payment-status-history`,
        tags,
        summary: "A line's payment status changes, oldest first",
        description: "Also needs opportunities:read.",
        scope: "invoices:read",
        request: { params: LineParams, query: PageQuerySchema },
        responses: { 200: json(pageOf(StatusChangeSchema), "A page of changes") },
      }),
      async (c) => {
        const { id, lineId } = c.req.valid("param");
        const query = { ...c.req.valid("query"), opportunity_id: id, line_id: lineId };
        const page = await listPaymentStatusHistory(ctxOf(c), query);
        const data = page.data.map(toStatusChangeDto);
        return c.json({ data, has_more: page.hasMore, next_cursor: page.nextCursor }, 200);
      },
    );
}

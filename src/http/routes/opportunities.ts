import { OpenAPIHono, z } from "@hono/zod-openapi";
import { OpportunitySchema, toOpportunityDto } from "../../dto/opportunities.ts";
import {
  CreateOpportunityInput,
  createOpportunity,
  DEFAULT_STAGES,
  deleteOpportunity,
  getOpportunity,
  ListOpportunitiesQuery,
  listOpportunities,
  UpdateOpportunityInput,
  updateOpportunity,
} from "../../modules/opportunities/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json, pageOf } from "../openapi.ts";

/** `/opportunities` and its legacy alias `/deals` are built from this one definition. */
export type OpportunityBase = "/opportunities" | "/deals";

const ExpandQuery = z.object({ expand: z.enum(["products"]).optional() });
const stageNote = `Stage is free text; the default pipeline is ${DEFAULT_STAGES.join(", ")}.`;
const expandNote = "With `expand=products` each item carries its lines (payment_status only with invoices:read).";

export function opportunityRoutes(base: OpportunityBase) {
  const tags = [base === "/deals" ? "Deals (alias of Opportunities)" : "Opportunities"];
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      apiRoute({
        method: "post",
        path: base,
        tags,
        summary: "Create an opportunity",
        description: `${stageNote} company_id, primary_contact_id and owner_id from outside the workspace are 404.`,
        scope: "opportunities:write",
        request: body(CreateOpportunityInput),
        responses: { 201: json(OpportunitySchema, "The opportunity") },
      }),
      async (c) => c.json(toOpportunityDto(await createOpportunity(ctxOf(c), c.req.valid("json"))), 201),
    )
    .openapi(
      apiRoute({
        method: "get",
        path: base,
        tags,
        summary: "List opportunities, newest first; filter by q (name), status, stage, company_id",
        description: expandNote,
        scope: "opportunities:read",
        request: { query: ListOpportunitiesQuery },
        responses: { 200: json(pageOf(OpportunitySchema), "A page of opportunities") },
      }),
      async (c) => {
        const page = await listOpportunities(ctxOf(c), c.req.valid("query"));
        const data = page.data.map(toOpportunityDto);
        return c.json({ data, has_more: page.hasMore, next_cursor: page.nextCursor }, 200);
      },
    )
    .openapi(
      apiRoute({
        method: "get",
        path: `${base}/{id}`,
        tags,
        summary: "Get an opportunity",
        description: expandNote,
        scope: "opportunities:read",
        request: { params: IdParam, query: ExpandQuery },
        responses: { 200: json(OpportunitySchema, "The opportunity") },
      }),
      async (c) => {
        const view = await getOpportunity(ctxOf(c), { ...c.req.valid("query"), id: c.req.valid("param").id });
        return c.json(toOpportunityDto(view), 200);
      },
    )
    .openapi(
      apiRoute({
        method: "patch",
        path: `${base}/{id}`,
        tags,
        summary: "Update an opportunity",
        description: `${stageNote} The currency cannot change while it has lines (409).`,
        scope: "opportunities:write",
        request: { params: IdParam, ...body(UpdateOpportunityInput) },
        responses: { 200: json(OpportunitySchema, "The opportunity") },
      }),
      async (c) => {
        const view = await updateOpportunity(ctxOf(c), { ...c.req.valid("json"), id: c.req.valid("param").id });
        return c.json(toOpportunityDto(view), 200);
      },
    )
    .openapi(
      apiRoute({
        method: "delete",
        path: `${base}/{id}`,
        tags,
        summary: "Delete an opportunity and its lines",
        scope: "opportunities:delete",
        request: { params: IdParam },
        responses: { 204: { description: "Deleted" } },
      }),
      async (c) => {
        await deleteOpportunity(ctxOf(c), c.req.valid("param"));
        return c.body(null, 204);
      },
    );
}

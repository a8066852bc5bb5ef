import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  AutomationRunSchema,
  AutomationSchema,
  TestRunResultSchema,
  toAutomationDto,
  toAutomationRunDto,
  toTestRunDto,
} from "../../dto/automations.ts";
import {
  AutomationBody,
  createAutomation,
  deleteAutomation,
  getAutomation,
  listAutomationRuns,
  listAutomations,
  replayAutomationEvent,
  retryAutomationAction,
  TestRunBody,
  testRunAutomation,
  UpdateAutomationBody,
  updateAutomation,
} from "../../modules/automations/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json, PageQuerySchema, PathId, pageOf } from "../openapi.ts";

const tags = ["Automations"];
const RunActionParams = z.object({
  id: PathId.openapi({ param: { name: "id", in: "path" } }),
  run_id: PathId.openapi({ param: { name: "run_id", in: "path" } }),
  action_id: PathId.openapi({ param: { name: "action_id", in: "path" } }),
});
const ReplayBody = z.strictObject({ event_id: TestRunBody.shape.event_id });

/** Automations: triggers on business events, conditions, ordered actions, and their run log (SPEC §7). */
export const automationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "get",
      path: "/automations",
      tags,
      summary: "The workspace's automations",
      scope: "automations:read",
      request: { query: PageQuerySchema },
      responses: { 200: json(pageOf(AutomationSchema), "One page") },
    }),
    async (c) => {
      const page = await listAutomations(ctxOf(c), c.req.valid("query"));
      return c.json(
        { data: page.data.map(toAutomationDto), has_more: page.hasMore, next_cursor: page.nextCursor },
        200,
      );
    },
  )
  .openapi(
    apiRoute({
      method: "post",
      path: "/automations",
      tags,
      summary:
        "Create an automation: a trigger (business event type), optional conditions (all/any), ordered actions. A call_webhook action's signing secret is in this answer only",
      scope: "automations:write",
      request: body(AutomationBody),
      responses: { 201: json(AutomationSchema, "The automation, with new webhook secrets") },
    }),
    async (c) => c.json(toAutomationDto(await createAutomation(ctxOf(c), c.req.valid("json"))), 201),
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/automations/{id}",
      tags,
      summary: "One automation",
      scope: "automations:read",
      request: { params: IdParam },
      responses: { 200: json(AutomationSchema, "The automation") },
    }),
    async (c) => c.json(toAutomationDto(await getAutomation(ctxOf(c), c.req.valid("param"))), 200),
  )
  .openapi(
    apiRoute({
      method: "patch",
      path: "/automations/{id}",
      tags,
      summary:
        "Change an automation (name, enabled, trigger, conditions, actions). Send an action's id to keep it and its webhook secret",
      scope: "automations:write",
      request: { params: IdParam, ...body(UpdateAutomationBody) },
      responses: { 200: json(AutomationSchema, "The automation, with any new webhook secrets") },
    }),
    async (c) => {
      const input = { ...c.req.valid("json"), id: c.req.valid("param").id };
      return c.json(toAutomationDto(await updateAutomation(ctxOf(c), input)), 200);
    },
  )
  .openapi(
    apiRoute({
      method: "delete",
      path: "/automations/{id}",
      tags,
      summary: "Delete an automation and its run log",
      scope: "automations:write",
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" } },
    }),
    async (c) => {
      await deleteAutomation(ctxOf(c), c.req.valid("param"));
      return c.body(null, 204);
    },
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/automations/{id}/runs",
      tags,
      summary: "The run log: each run with its event, result and per-action outcome (attempts, status, next retry)",
      scope: "automations:read",
      request: { params: IdParam, query: PageQuerySchema },
      responses: { 200: json(pageOf(AutomationRunSchema), "One page, newest first") },
    }),
    async (c) => {
      const page = await listAutomationRuns(ctxOf(c), { ...c.req.valid("query"), id: c.req.valid("param").id });
      return c.json(
        { data: page.data.map(toAutomationRunDto), has_more: page.hasMore, next_cursor: page.nextCursor },
        200,
      );
    },
  )
  .openapi(
    apiRoute({
      method: "post",
      path: "/automations/{id}/test-run",
      tags,
      summary: "Dry run against a past event: whether it matches and what each action would do; nothing is done",
      scope: "automations:read",
      request: { params: IdParam, ...body(TestRunBody) },
      responses: { 200: json(TestRunResultSchema, "What would happen") },
    }),
    async (c) => {
      const input = { ...c.req.valid("json"), id: c.req.valid("param").id };
      return c.json(toTestRunDto(await testRunAutomation(ctxOf(c), input)), 200);
    },
  )
  .openapi(
    apiRoute({
      method: "post",
      path: "/automations/{id}/runs/{run_id}/actions/{action_id}/retry",
      tags,
      summary: "Retry a failed or dead action of a run (the actions it stopped run after it)",
      scope: "automations:write",
      request: { params: RunActionParams },
      responses: { 202: json(z.object({ run_id: z.string(), action_id: z.string() }), "Queued") },
    }),
    async (c) => {
      const done = await retryAutomationAction(ctxOf(c), c.req.valid("param"));
      return c.json({ run_id: done.runId, action_id: done.actionId }, 202);
    },
  )
  .openapi(
    apiRoute({
      method: "post",
      path: "/automations/{id}/replay",
      tags,
      summary: "Replay a past event for this automation as a new run (admins: also needs settings:write)",
      scope: "automations:write",
      request: { params: IdParam, ...body(ReplayBody) },
      responses: { 202: json(z.object({ run_id: z.string().nullable(), outcome: z.string() }), "Started") },
    }),
    async (c) => {
      const started = await replayAutomationEvent(ctxOf(c), { ...c.req.valid("json"), id: c.req.valid("param").id });
      return c.json({ run_id: started.runId, outcome: started.outcome }, 202);
    },
  );

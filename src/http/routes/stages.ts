import { OpenAPIHono, z } from "@hono/zod-openapi";
import { StageSchema, toStageDto } from "../../dto/stages.ts";
import {
  CreateStageInput,
  createStage,
  DeleteStageQuery,
  deleteStage,
  listStages,
  UpdateStageInput,
  updateStage,
} from "../../modules/stages/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json } from "../openapi.ts";

const tags = ["Stages"];

export const stageRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "get",
      path: "/stages",
      tags,
      summary: "The workspace's pipeline stages in board order",
      scope: "opportunities:read",
      responses: { 200: json(z.object({ data: z.array(StageSchema) }), "The stages") },
    }),
    async (c) => c.json({ data: (await listStages(ctxOf(c))).map(toStageDto) }, 200),
  )
  .openapi(
    apiRoute({
      method: "post",
      path: "/stages",
      tags,
      summary: "Add a stage (last unless `position` is given; the others shift)",
      scope: "settings:write",
      request: body(CreateStageInput),
      responses: { 201: json(StageSchema, "The stage") },
    }),
    async (c) => c.json(toStageDto(await createStage(ctxOf(c), c.req.valid("json"))), 201),
  )
  .openapi(
    apiRoute({
      method: "patch",
      path: "/stages/{id}",
      tags,
      summary: "Rename, change the kind or move a stage (positions stay 0..n-1)",
      description: "A rename also renames the `stage` text of its opportunities.",
      scope: "settings:write",
      request: { params: IdParam, ...body(UpdateStageInput) },
      responses: { 200: json(StageSchema, "The stage") },
    }),
    async (c) =>
      c.json(toStageDto(await updateStage(ctxOf(c), { ...c.req.valid("json"), id: c.req.valid("param").id })), 200),
  )
  .openapi(
    apiRoute({
      method: "delete",
      path: "/stages/{id}",
      tags,
      summary: "Delete a stage; one still holding opportunities is 409 unless `move_to` names their new stage",
      scope: "settings:write",
      request: { params: IdParam, query: DeleteStageQuery },
      responses: { 204: { description: "Deleted" } },
    }),
    async (c) => {
      await deleteStage(ctxOf(c), { ...c.req.valid("query"), id: c.req.valid("param").id });
      return c.body(null, 204);
    },
  );

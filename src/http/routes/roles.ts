import { OpenAPIHono, z } from "@hono/zod-openapi";
import { RoleSchema, toRoleDto } from "../../dto/access.ts";
import { createRole, deleteRole, listRoles, updateRole } from "../../modules/access/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json } from "../openapi.ts";

const CreateBody = z.strictObject({
  name: z.string().min(1).max(120),
  scopes: z.array(z.string()).max(50).default([]),
});
const UpdateBody = z.strictObject({
  name: z.string().min(1).max(120).optional(),
  scopes: z.array(z.string()).max(50).optional(),
});
const tags = ["Roles"];

export const roleRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "get",
      path: "/roles",
      tags,
      summary: "List roles with their scopes",
      scope: "members:read",
      responses: {
        200: json(
          z.object({ data: z.array(RoleSchema), has_more: z.boolean(), next_cursor: z.string().nullable() }),
          "All roles (a workspace has few)",
        ),
      },
    }),
    async (c) => c.json({ data: (await listRoles(ctxOf(c))).map(toRoleDto), has_more: false, next_cursor: null }, 200),
  )
  .openapi(
    apiRoute({
      method: "post",
      path: "/roles",
      grants: "scopes",
      tags,
      summary: "Create a custom role",
      scope: "members:write",
      request: body(CreateBody),
      responses: { 201: json(RoleSchema, "The role") },
    }),
    async (c) => c.json(toRoleDto(await createRole(ctxOf(c), c.req.valid("json"))), 201),
  )
  .openapi(
    apiRoute({
      method: "patch",
      path: "/roles/{id}",
      grants: "scopes",
      tags,
      summary: "Rename a role or replace its scopes",
      scope: "members:write",
      request: { params: IdParam, ...body(UpdateBody) },
      responses: { 200: json(RoleSchema, "The role") },
    }),
    async (c) => {
      const row = await updateRole(ctxOf(c), { ...c.req.valid("json"), id: c.req.valid("param").id });
      return c.json(toRoleDto(row), 200);
    },
  )
  .openapi(
    apiRoute({
      method: "delete",
      path: "/roles/{id}",
      tags,
      summary: "Delete a custom role nobody holds",
      scope: "members:write",
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" } },
    }),
    async (c) => {
      await deleteRole(ctxOf(c), { id: c.req.valid("param").id });
      return c.body(null, 204);
    },
  );

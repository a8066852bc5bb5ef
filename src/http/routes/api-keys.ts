import { OpenAPIHono, z } from "@hono/zod-openapi";
import { ApiKeySchema, CreatedApiKeySchema, toApiKeyDto } from "../../dto/access.ts";
import { createApiKey, listApiKeys, revokeApiKey, updateApiKey } from "../../modules/access/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json, PageQuerySchema, pageOf } from "../openapi.ts";

const ScopesBody = z.array(z.string()).min(1).max(50);
const CreateBody = z.strictObject({
  name: z.string().min(1).max(120),
  scopes: z.union([ScopesBody, z.literal("full_access")]).openapi({
    description: 'Scope names (a subset of yours), or "full_access" to copy your current scopes into the key.',
  }),
});
const UpdateBody = z.strictObject({ name: z.string().min(1).max(120).optional(), scopes: ScopesBody.optional() });

export const apiKeyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "post",
      path: "/api-keys",
      grants: "scopes",
      tags: ["API keys"],
      summary: "Create an API key",
      scope: "api_keys:write",
      request: body(CreateBody),
      responses: { 201: json(CreatedApiKeySchema, "The key, with its secret shown once") },
    }),
    async (c) => {
      const row = await createApiKey(ctxOf(c), c.req.valid("json"));
      return c.json({ ...toApiKeyDto(row), key: row.key }, 201);
    },
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/api-keys",
      tags: ["API keys"],
      summary: "List active API keys",
      scope: "api_keys:write",
      request: { query: PageQuerySchema },
      responses: { 200: json(pageOf(ApiKeySchema), "A page of keys") },
    }),
    async (c) => {
      const page = await listApiKeys(ctxOf(c), c.req.valid("query"));
      return c.json({ data: page.data.map(toApiKeyDto), has_more: page.hasMore, next_cursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: "patch",
      path: "/api-keys/{id}",
      grants: "scopes",
      tags: ["API keys"],
      summary: "Rename a key or replace its scopes",
      scope: "api_keys:write",
      request: { params: IdParam, ...body(UpdateBody) },
      responses: { 200: json(ApiKeySchema, "The key") },
    }),
    async (c) => {
      const row = await updateApiKey(ctxOf(c), { ...c.req.valid("json"), id: c.req.valid("param").id });
      return c.json(toApiKeyDto(row), 200);
    },
  )
  .openapi(
    apiRoute({
      method: "delete",
      path: "/api-keys/{id}",
      tags: ["API keys"],
      summary: "Revoke a key",
      scope: "api_keys:write",
      request: { params: IdParam },
      responses: { 204: { description: "Revoked" } },
    }),
    async (c) => {
      await revokeApiKey(ctxOf(c), { id: c.req.valid("param").id });
      return c.body(null, 204);
    },
  );

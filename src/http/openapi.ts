import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { RecordId } from "../lib/record-id.ts";
import type { Scope } from "../modules/access/index.ts";
import { scope as scopeMiddleware } from "./middleware/require-scope.ts";

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fix: z.string().optional(),
      issues: z
        .array(z.object({ field: z.string(), message: z.string(), allowed: z.array(z.string()).optional() }))
        .optional(),
      request_id: z.string(),
    }),
  })
  .openapi("Error");

const errorResponses = {
  400: {
    description: "Invalid input; `issues` names each field and, for enums, the allowed values.",
    content: { "application/json": { schema: ErrorSchema } },
  },
  401: { description: "No or invalid credentials.", content: { "application/json": { schema: ErrorSchema } } },
  403: {
    description: "`insufficient_scope`: the key or role lacks the scope named in the error.",
    content: { "application/json": { schema: ErrorSchema } },
  },
  404: {
    description: "Not found (also for another workspace's records).",
    content: { "application/json": { schema: ErrorSchema } },
  },
  409: { description: "Conflict with the current state.", content: { "application/json": { schema: ErrorSchema } } },
  429: { description: "Rate limited; see Retry-After.", content: { "application/json": { schema: ErrorSchema } } },
} as const;

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).openapi({ description: "1–100, default 50" }),
  cursor: z.string().max(200).optional().openapi({ description: "next_cursor from the previous page" }),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), has_more: z.boolean(), next_cursor: z.string().nullable() });
}

/**
 * A record id in a path, checked like every record id (RecordId). A copy built here: zod gives a schema the
 * `.openapi` method only if @hono/zod-openapi was loaded before it was built, and verbs load RecordId first.
 */
export const PathId = RecordId.clone();

export const IdParam = z.object({
  id: PathId.openapi({ param: { name: "id", in: "path" } }),
});

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export function body<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { "application/json": { schema } } } };
}

/**
 * Every authenticated route is declared through here: it carries its scope into the OpenAPI document
 * (`x-settle-scope`, read by the generated permission test) and checks it before input validation.
 */
export function apiRoute<const R extends Omit<RouteConfig, "middleware" | "security">>(
  config: R & { scope: Scope; grants?: "scopes" | "role_id" },
) {
  const { scope, grants, ...rest } = config;
  const route = createRoute({
    ...rest,
    middleware: [scopeMiddleware(scope)],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    description: `${rest.description ?? ""}\n\nRequires scope \`${scope}\`.`.trim(),
    "x-settle-scope": scope,
    // Routes that hand out access name the field that carries it; the permission test tries to escalate there.
    ...(grants ? { "x-settle-grants": grants } : {}),
    responses: { ...errorResponses, ...rest.responses },
  });
  // The spread above widens R; the route keeps exactly R's request and responses, plus the scope check.
  return route as unknown as Omit<R, "scope" | "grants"> & {
    getRoutingPath(): string;
    middleware: MiddlewareHandler[];
  };
}

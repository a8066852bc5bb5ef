import { OpenAPIHono, z } from "@hono/zod-openapi";
import { AUDIT_ACTIONS } from "../../db/schema/index.ts";
import { AuditEventSchema, toAuditEventDto } from "../../dto/access.ts";
import { listAuditEvents } from "../../modules/audit/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, json, PageQuerySchema, pageOf } from "../openapi.ts";

const AuditQuery = PageQuerySchema.extend({
  action: z.enum(AUDIT_ACTIONS).optional().openapi({ description: "Only events of this action" }),
});

export const auditEventRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  apiRoute({
    method: "get",
    path: "/audit-events",
    tags: ["Audit log"],
    summary: "Sign-ins, member, role, API key and integration changes, newest first (admins)",
    scope: "members:write",
    request: { query: AuditQuery },
    responses: { 200: json(pageOf(AuditEventSchema), "A page of audit events") },
  }),
  async (c) => {
    const page = await listAuditEvents(ctxOf(c), c.req.valid("query"));
    return c.json({ data: page.data.map(toAuditEventDto), has_more: page.hasMore, next_cursor: page.nextCursor }, 200);
  },
);

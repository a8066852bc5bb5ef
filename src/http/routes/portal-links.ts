import { OpenAPIHono } from "@hono/zod-openapi";
import {
  CreatedPortalLinkSchema,
  CreatePortalLinkBody,
  PortalLinkSchema,
  toCreatedPortalLinkDto,
  toPortalLinkDto,
} from "../../dto/portal.ts";
import { createPortalLinkFor, listPortalLinks, revokePortalLink } from "../../modules/portal/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, IdParam, json, PageQuerySchema, pageOf } from "../openapi.ts";

const tags = ["Client portal"];

/** Client portal links (SPEC §6): a contact's expiring, revocable access to their company's invoices. */
export const portalLinkRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "post",
      path: "/contacts/{id}/portal-links",
      tags,
      summary: "Create a client portal link for a contact (their company's invoices); the url is shown once",
      description:
        "The contact must belong to a company (else 409). The link expires after `expires_in_days` (default 30) and can be revoked.",
      scope: "invoices:write",
      request: {
        params: IdParam,
        body: { required: false, content: { "application/json": { schema: CreatePortalLinkBody } } },
      },
      responses: { 201: json(CreatedPortalLinkSchema, "The link, with its address") },
    }),
    async (c) => {
      const body = c.req.valid("json") as { expires_in_days?: number } | undefined;
      const link = await createPortalLinkFor(ctxOf(c), {
        contactId: c.req.valid("param").id,
        ...(body?.expires_in_days === undefined ? {} : { expiresInDays: body.expires_in_days }),
      });
      return c.json(toCreatedPortalLinkDto(link), 201);
    },
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/contacts/{id}/portal-links",
      tags,
      summary: "List a contact's portal links, newest first (active, expired and revoked; never the token)",
      scope: "invoices:read",
      request: { params: IdParam, query: PageQuerySchema },
      responses: { 200: json(pageOf(PortalLinkSchema), "A page of portal links") },
    }),
    async (c) => {
      const page = await listPortalLinks(ctxOf(c), { contact_id: c.req.valid("param").id, ...c.req.valid("query") });
      return c.json(
        { data: page.data.map(toPortalLinkDto), has_more: page.hasMore, next_cursor: page.nextCursor },
        200,
      );
    },
  )
  .openapi(
    apiRoute({
      method: "delete",
      path: "/portal-links/{id}",
      tags,
      summary: "Revoke a portal link; its open portal sessions end at once",
      scope: "invoices:write",
      request: { params: IdParam },
      responses: { 204: { description: "Revoked" } },
    }),
    async (c) => {
      await revokePortalLink(ctxOf(c), c.req.valid("param"));
      return c.body(null, 204);
    },
  );

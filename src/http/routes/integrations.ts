import { OpenAPIHono, z } from "@hono/zod-openapi";
import { CompanySchema, toCompanyDto } from "../../dto/crm.ts";
import {
  completeXeroConnect,
  disconnectXero,
  getXeroStatus,
  LinkXeroContactInput,
  linkXeroContact,
  SearchXeroContactsQuery,
  searchXeroContacts,
  startXeroConnect,
} from "../../modules/integrations/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json } from "../openapi.ts";

const tags = ["Integrations"];
const StatusSchema = z
  .object({ connected: z.boolean(), tenant_id: z.string().nullable(), tenant_name: z.string().nullable() })
  .openapi("XeroStatus");
const toStatusDto = (s: Awaited<ReturnType<typeof getXeroStatus>>) => ({
  connected: s.connected,
  tenant_id: s.tenantId,
  tenant_name: s.tenantName,
});
const XeroContactSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string().nullable() })
  .openapi("XeroContact");
const CallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
});

/** Connecting a workspace to Xero (SPEC §4.5): status, consent start, the browser callback, disconnect. */
export function integrationRoutes(publicUrl: string) {
  const redirectUri = `${publicUrl}/api/v1/integrations/xero/callback`;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      apiRoute({
        method: "get",
        path: "/integrations/xero",
        tags,
        summary: "Xero connection status",
        scope: "integrations:read",
        responses: { 200: json(StatusSchema, "Connected organisation, if any") },
      }),
      async (c) => c.json(toStatusDto(await getXeroStatus(ctxOf(c))), 200),
    )
    .openapi(
      apiRoute({
        method: "post",
        path: "/integrations/xero/connect",
        tags,
        summary: "Start connecting Xero (returns the consent URL)",
        scope: "integrations:write",
        responses: { 200: json(z.object({ authorize_url: z.string() }), "Send the browser here") },
      }),
      async (c) => {
        const { authorizeUrl } = await startXeroConnect(ctxOf(c), { redirectUri });
        return c.json({ authorize_url: authorizeUrl }, 200);
      },
    )
    .openapi(
      apiRoute({
        method: "get",
        path: "/integrations/xero/callback",
        tags,
        summary: "Xero's redirect after consent (browser); lands on Settings → Integrations",
        scope: "integrations:write",
        request: { query: CallbackQuery },
        responses: { 302: { description: "Back to /settings/integrations with ?xero=connected or ?xero=error" } },
      }),
      async (c) => {
        const { code, state, error } = c.req.valid("query");
        if (error || !code || !state) {
          return c.redirect(`${publicUrl}/settings/integrations?xero=error`, 302);
        }
        await completeXeroConnect(ctxOf(c), { code, state });
        return c.redirect(`${publicUrl}/settings/integrations?xero=connected`, 302);
      },
    )
    .openapi(
      apiRoute({
        method: "delete",
        path: "/integrations/xero",
        tags,
        summary: "Disconnect Xero",
        scope: "integrations:write",
        responses: { 200: json(StatusSchema, "Now disconnected") },
      }),
      async (c) => c.json(toStatusDto(await disconnectXero(ctxOf(c))), 200),
    )
    .openapi(
      apiRoute({
        method: "get",
        path: "/integrations/xero/contacts",
        tags,
        summary: "Search the connected organisation's Xero contacts",
        scope: "invoices:read",
        request: { query: SearchXeroContactsQuery },
        responses: { 200: json(z.object({ data: z.array(XeroContactSchema) }), "Up to 50 matches") },
      }),
      async (c) => c.json({ data: await searchXeroContacts(ctxOf(c), c.req.valid("query")) }, 200),
    )
    .openapi(
      apiRoute({
        method: "post",
        path: "/companies/{id}/xero-contact",
        tags,
        summary: "Link a company to a new or existing Xero contact",
        scope: "invoices:write",
        request: { params: IdParam, ...body(LinkXeroContactInput) },
        responses: { 200: json(CompanySchema, "The company with its Xero contact") },
      }),
      async (c) =>
        c.json(toCompanyDto(await linkXeroContact(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))), 200),
    );
}

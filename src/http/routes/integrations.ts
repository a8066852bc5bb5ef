import { OpenAPIHono, z } from "@hono/zod-openapi";
import { CompanySchema, toCompanyDto } from "../../dto/crm.ts";
import {
  ChooseXeroTenantInput,
  chooseXeroTenant,
  completeXeroConnect,
  disconnectXero,
  getXeroStatus,
  LinkXeroContactInput,
  linkXeroContact,
  listXeroOptions,
  SearchXeroContactsQuery,
  searchXeroContacts,
  startXeroConnect,
  UpdateXeroSettingsInput,
  updateXeroSettings,
  XERO_OPTION_KINDS,
  type XeroStatus,
} from "../../modules/integrations/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json } from "../openapi.ts";

const tags = ["Integrations"];
const StatusSchema = z
  .object({
    connected: z.boolean(),
    status: z.enum(["active", "needs_reconnect"]).nullable(),
    status_reason: z.string().nullable(),
    tenant_id: z.string().nullable(),
    tenant_name: z.string().nullable(),
    timezone: z.string().nullable(),
    base_currency: z.string().nullable(),
    default_account_code: z.string().nullable(),
    branding_theme_id: z.string().nullable(),
    tax_mappings: z.array(z.object({ tax_rate: z.string(), tax_type: z.string() })),
    choices: z.array(z.object({ tenant_id: z.string(), tenant_name: z.string() })),
  })
  .openapi("XeroStatus");
const toStatusDto = (s: XeroStatus) => ({
  connected: s.connected,
  status: s.status,
  status_reason: s.statusReason,
  tenant_id: s.tenantId,
  tenant_name: s.tenantName,
  timezone: s.timezone,
  base_currency: s.baseCurrency,
  default_account_code: s.defaultAccountCode,
  branding_theme_id: s.brandingThemeId,
  tax_mappings: s.taxMappings.map((m) => ({ tax_rate: m.taxRate, tax_type: m.taxType })),
  choices: s.choices.map((t) => ({ tenant_id: t.tenantId, tenant_name: t.tenantName })),
});
const XeroContactSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string().nullable() })
  .openapi("XeroContact");
const XeroOptionSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    detail: z.string().nullable().openapi({ description: "Tax rates: the percentage; bank accounts: the number" }),
  })
  .openapi("XeroOption");
const CallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
});

/** Connecting a workspace to Xero (SPEC §4.5): status, consent, the callback, the organisation's options. */
export function integrationRoutes(publicUrl: string) {
  const redirectUri = `${publicUrl}/api/v1/integrations/xero/callback`;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      apiRoute({
        method: "get",
        path: "/integrations/xero",
        tags,
        summary: "Xero connection status, defaults, and organisations waiting to be chosen",
        scope: "integrations:read",
        responses: { 200: json(StatusSchema, "Connected organisation, if any") },
      }),
      async (c) => c.json(toStatusDto(await getXeroStatus(ctxOf(c))), 200),
    )
    .openapi(
      apiRoute({
        method: "patch",
        path: "/integrations/xero",
        tags,
        summary: "Set the defaults for new Xero invoices (revenue account, branding theme, tax rate mapping)",
        scope: "integrations:write",
        request: body(UpdateXeroSettingsInput),
        responses: { 200: json(StatusSchema, "The connection with its new defaults") },
      }),
      async (c) => c.json(toStatusDto(await updateXeroSettings(ctxOf(c), c.req.valid("json"))), 200),
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
        responses: {
          302: { description: "Back to /settings/integrations with ?xero=connected, ?xero=choose or ?xero=error" },
        },
      }),
      async (c) => {
        const { code, state, error } = c.req.valid("query");
        if (error || !code || !state) {
          return c.redirect(`${publicUrl}/settings/integrations?xero=error`, 302);
        }
        const done = await completeXeroConnect(ctxOf(c), { code, state });
        return c.redirect(
          `${publicUrl}/settings/integrations?xero=${done.outcome === "choose" ? "choose" : "connected"}`,
          302,
        );
      },
    )
    .openapi(
      apiRoute({
        method: "post",
        path: "/integrations/xero/tenant",
        tags,
        summary: "Choose the organisation when the consent covered several",
        scope: "integrations:write",
        request: body(ChooseXeroTenantInput),
        responses: { 200: json(StatusSchema, "Now connected to that organisation") },
      }),
      async (c) => {
        const ctx = ctxOf(c);
        await chooseXeroTenant(ctx, c.req.valid("json"));
        return c.json(toStatusDto(await getXeroStatus(ctx)), 200);
      },
    )
    .openapi(
      apiRoute({
        method: "delete",
        path: "/integrations/xero",
        tags,
        summary: "Disconnect Xero (revokes Settle's access; native invoicing comes back)",
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
        c.json(
          toCompanyDto(
            await linkXeroContact(ctxOf(c), { ...c.req.valid("json"), company_id: c.req.valid("param").id }),
          ),
          200,
        ),
    );
  for (const kind of XERO_OPTION_KINDS) {
    app.openapi(
      apiRoute({
        method: "get",
        path: `/integrations/xero/${kind}`,
        tags,
        summary: `The connected organisation's ${kind.replace("-", " ")}, read live from Xero`,
        scope: "invoices:read",
        responses: { 200: json(z.object({ data: z.array(XeroOptionSchema) }), `The ${kind.replace("-", " ")}`) },
      }),
      async (c) => c.json({ data: await listXeroOptions(ctxOf(c), { kind }) }, 200),
    );
  }
  return app;
}

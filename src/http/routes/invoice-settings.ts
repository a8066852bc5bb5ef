import { OpenAPIHono, z } from "@hono/zod-openapi";
import { getInvoicingProvider, type InvoicingProvider } from "../../modules/integrations/index.ts";
import {
  readInvoiceSettings,
  UpdateInvoiceSettingsInput,
  updateInvoiceSettings,
} from "../../modules/invoices/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, json } from "../openapi.ts";

const SettingsSchema = z
  .object({
    number_prefix: z.string(),
    next_number: z.number().int(),
    tax_mode: z.enum(["exclusive", "inclusive"]),
    default_deposit_percent: z.number(),
  })
  .openapi("InvoiceSettings");

function toDto(s: {
  numberPrefix: string;
  nextNumber: number;
  taxMode: "exclusive" | "inclusive";
  defaultDepositPercent: string;
}) {
  return {
    number_prefix: s.numberPrefix,
    next_number: s.nextNumber,
    tax_mode: s.taxMode,
    default_deposit_percent: Number(s.defaultDepositPercent),
  };
}

const ProviderSchema = z
  .object({
    provider: z.enum(["xero", "native"]).openapi({ description: "xero while an organisation is connected" }),
    xero_connected: z.boolean().openapi({ description: "Xero accepts Settle's connection (false: reconnect)" }),
    stripe_connected: z
      .boolean()
      .openapi({ description: "A Stripe account is connected: native invoices can get payment links" }),
    xero: z
      .object({
        status: z.enum(["active", "needs_reconnect"]).nullable(),
        status_reason: z.string().nullable(),
        tenant_name: z.string().nullable(),
        default_account_code: z.string().nullable(),
        branding_theme_id: z.string().nullable(),
        tax_mappings: z.array(z.object({ tax_rate: z.string(), tax_type: z.string() })),
      })
      .nullable()
      .openapi({ description: "The organisation and the defaults new Xero invoices start from; null when native" }),
  })
  .openapi("InvoicingProvider");

function toProviderDto(p: InvoicingProvider) {
  return {
    provider: p.provider,
    xero_connected: p.xeroConnected,
    stripe_connected: p.stripeConnected,
    xero: p.xero && {
      status: p.xero.status,
      status_reason: p.xero.statusReason,
      tenant_name: p.xero.tenantName,
      default_account_code: p.xero.defaultAccountCode,
      branding_theme_id: p.xero.brandingThemeId,
      tax_mappings: p.xero.taxMappings.map((m) => ({ tax_rate: m.taxRate, tax_type: m.taxType })),
    },
  };
}

const tags = ["Invoices"];
export const invoiceSettingsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "get",
      path: "/invoicing/provider",
      tags,
      summary: "Whether invoices are raised in Xero or natively, with Xero's defaults (no integrations:read needed)",
      scope: "invoices:read",
      responses: { 200: json(ProviderSchema, "How this workspace invoices") },
    }),
    async (c) => c.json(toProviderDto(await getInvoicingProvider(ctxOf(c))), 200),
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/settings/invoicing",
      tags,
      summary: "Invoice numbering, tax mode and default deposit %",
      scope: "invoices:read",
      responses: { 200: json(SettingsSchema, "The settings") },
    }),
    async (c) => c.json(toDto(await readInvoiceSettings(ctxOf(c))), 200),
  )
  .openapi(
    apiRoute({
      method: "patch",
      path: "/settings/invoicing",
      tags,
      summary: "Change invoicing settings",
      scope: "settings:write",
      request: body(UpdateInvoiceSettingsInput),
      responses: { 200: json(SettingsSchema, "The settings") },
    }),
    async (c) => {
      const row = await updateInvoiceSettings(ctxOf(c), c.req.valid("json"));
      return c.json(toDto(row ?? (await readInvoiceSettings(ctxOf(c)))), 200);
    },
  );

import { OpenAPIHono, z } from "@hono/zod-openapi";
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

const tags = ["Invoices"];
export const invoiceSettingsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
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

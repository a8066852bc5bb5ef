import { z } from "@hono/zod-openapi";
import type { Branding } from "../modules/branding/index.ts";

export const BrandingSchema = z
  .object({
    display_name: z
      .string()
      .nullable()
      .openapi({ description: "Printed instead of the workspace's name when set; null: the workspace's name" }),
    name: z.string().openapi({ description: "The name invoices print (display_name, else the workspace's name)" }),
    address: z.string().nullable(),
    tax_number: z.string().nullable(),
    payment_terms: z.string().nullable(),
    accent_color: z.string().openapi({ description: "#rrggbb", example: "#2f6fed" }),
    reply_to: z.string().nullable().openapi({ description: "Reply-To of invoice emails" }),
    logo: z
      .object({
        mime_type: z.enum(["image/png", "image/jpeg"]),
        size_bytes: z.number().int(),
        url: z.string().openapi({ description: "GET it with the same credentials (invoices:read)" }),
      })
      .nullable()
      .openapi({ description: "null when no logo is set" }),
    updated_at: z.string().nullable(),
  })
  .openapi("Branding");

export function toBrandingDto(b: Branding): z.infer<typeof BrandingSchema> {
  return {
    display_name: b.displayName,
    name: b.name,
    address: b.address,
    tax_number: b.taxNumber,
    payment_terms: b.paymentTerms,
    accent_color: b.accentColor,
    reply_to: b.replyTo,
    logo: b.logo
      ? {
          mime_type: b.logo.mimeType,
          size_bytes: b.logo.content.length,
          url: `/api/v1/branding/logo${b.updatedAt ? `?v=${b.updatedAt.getTime()}` : ""}`,
        }
      : null,
    updated_at: b.updatedAt?.toISOString() ?? null,
  };
}

import { OpenAPIHono, z } from "@hono/zod-openapi";
import { BrandingSchema, toBrandingDto } from "../../dto/branding.ts";
import {
  getBranding,
  getBrandingLogo,
  MAX_LOGO_BYTES,
  removeBrandingLogo,
  SetBrandingLogoInput,
  setBrandingLogo,
  UpdateBrandingInput,
  updateBranding,
} from "../../modules/branding/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, json } from "../openapi.ts";

const tags = ["Branding"];
const LOGO_QUERY = z.object({
  v: z.string().max(32).optional().openapi({ description: "Any value; changes with the logo so caches refetch" }),
});

/** Settings → Branding: what invoices (PDF), invoice emails and the client portal carry. */
export const brandingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "get",
      path: "/branding",
      tags,
      summary: "The workspace's branding (name, address, tax number, payment terms, accent colour, logo)",
      scope: "invoices:read",
      responses: { 200: json(BrandingSchema, "The branding, with defaults where nothing was saved") },
    }),
    async (c) => c.json(toBrandingDto(await getBranding(ctxOf(c))), 200),
  )
  .openapi(
    apiRoute({
      method: "patch",
      path: "/branding",
      tags,
      summary: "Change branding fields (only those given; an empty string clears a text field)",
      scope: "settings:write",
      request: body(UpdateBrandingInput),
      responses: { 200: json(BrandingSchema, "The branding") },
    }),
    async (c) => c.json(toBrandingDto(await updateBranding(ctxOf(c), c.req.valid("json"))), 200),
  )
  .openapi(
    apiRoute({
      method: "put",
      path: "/branding/logo",
      tags,
      summary: "Replace the logo",
      description: `JSON \`{"data_base64": "…"}\`: a PNG or JPEG of at most ${MAX_LOGO_BYTES / 1024} KiB, base64-encoded. The type is read from the image's own bytes; anything else is refused with 400.`,
      scope: "settings:write",
      request: body(SetBrandingLogoInput),
      responses: { 200: json(BrandingSchema, "The branding with its new logo") },
    }),
    async (c) => c.json(toBrandingDto(await setBrandingLogo(ctxOf(c), c.req.valid("json"))), 200),
  )
  .openapi(
    apiRoute({
      method: "delete",
      path: "/branding/logo",
      tags,
      summary: "Remove the logo",
      scope: "settings:write",
      responses: { 200: json(BrandingSchema, "The branding without a logo") },
    }),
    async (c) => c.json(toBrandingDto(await removeBrandingLogo(ctxOf(c))), 200),
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/branding/logo",
      tags,
      summary: "The logo image (404 when none is set)",
      scope: "invoices:read",
      request: { query: LOGO_QUERY },
      responses: {
        200: {
          description: "The image as uploaded",
          content: {
            "image/png": { schema: z.string().openapi({ format: "binary" }) },
            "image/jpeg": { schema: z.string().openapi({ format: "binary" }) },
          },
        },
      },
    }),
    async (c) => {
      const logo = await getBrandingLogo(ctxOf(c));
      return c.body(new Uint8Array(logo.content), 200, {
        "content-type": logo.mimeType,
        "cache-control": "private, no-cache",
        "x-content-type-options": "nosniff",
      });
    },
  );

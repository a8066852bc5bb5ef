import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { json } from "../openapi.ts";

const MetaSchema = z
  .object({
    sandboxes: z.boolean().openapi({
      description: "Whether the local vendor sandboxes (the Xero sandbox at /sandbox/xero) are mounted.",
    }),
  })
  .openapi("Meta");

/** Public facts about this server the web app adapts to before anyone signs in; nothing tenant-specific. */
export function metaRoutes(meta: { sandboxes: boolean }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    createRoute({
      method: "get",
      path: "/meta",
      tags: ["Meta"],
      summary: "What this server offers",
      responses: { 200: json(MetaSchema, "Server features") },
    }),
    (c) => c.json({ sandboxes: meta.sandboxes }, 200),
  );
}

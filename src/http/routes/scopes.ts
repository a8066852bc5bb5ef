import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { PRESET_SCOPES, SCOPES } from "../../modules/access/index.ts";
import type { AppEnv } from "../env.ts";
import { json } from "../openapi.ts";

const CatalogueSchema = z.object({
  scopes: z.array(z.string()),
  aliases: z.record(z.string(), z.string()),
  presets: z.record(z.string(), z.array(z.string())),
});

/** The scope catalogue, so the Permissions grid and API clients never hard-code it. */
export const scopeRoutes = new OpenAPIHono<AppEnv>().openapi(
  createRoute({
    method: "get",
    path: "/scopes",
    tags: ["Roles"],
    summary: "List every scope, its aliases and the preset roles",
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    responses: { 200: json(CatalogueSchema, "The catalogue") },
  }),
  (c) =>
    c.json(
      {
        scopes: [...SCOPES],
        aliases: {
          "deals:read": "opportunities:read",
          "deals:write": "opportunities:write",
          "deals:delete": "opportunities:delete",
        },
        presets: PRESET_SCOPES,
      },
      200,
    ),
);

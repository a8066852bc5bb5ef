import { z } from "@hono/zod-openapi";
import type { GrantRow } from "../modules/oauth/index.ts";

export const ConsentSchema = z
  .object({
    client: z.object({ id: z.string(), name: z.string() }),
    redirect_uri: z.string(),
    requested_scopes: z.array(z.string()).openapi({ description: "What the client asked for" }),
    offered_scopes: z.array(z.string()).openapi({ description: "Those the signed-in member holds and may grant" }),
  })
  .openapi("OAuthConsent");

export const ConnectedAppSchema = z
  .object({
    id: z.string(),
    client_id: z.string(),
    client_name: z.string(),
    scopes: z.array(z.string()),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
  })
  .openapi("ConnectedApp");

export function toConnectedAppDto(row: GrantRow): z.infer<typeof ConnectedAppSchema> {
  return {
    id: row.id,
    client_id: row.clientId,
    client_name: row.clientName,
    scopes: row.scopes,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
  };
}

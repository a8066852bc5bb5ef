import { Hono } from "hono";
import type { ApiEnv } from "../api/api-env.ts";
import { bearerAuth } from "../api/authenticate.ts";
import { notFound } from "../api/responses.ts";
import type { SandboxContext } from "../context.ts";
import type { ConnectionRecord } from "../state/types.ts";

/**
 * api.xero.com/connections: the tenants this user has connected to the app. Each consent carries a new
 * authEventId; tenants chosen again take it, so `?authEventId=` (the access token's authentication_event_id)
 * picks the tenants of the latest consent.
 */
export function connectionRoutes(ctx: SandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.use("*", bearerAuth(ctx));

  const mine = (clientId: string, userId: string): ConnectionRecord[] => ctx.grants.liveConnections(clientId, userId);

  app.get("/", (c) => {
    const claims = c.get("claims");
    const authEventId = c.req.query("authEventId");
    const connections = mine(claims.client_id, claims.xero_userid).filter(
      (conn) => !authEventId || conn.authEventId === authEventId,
    );
    return c.json(
      connections.map((conn) => ({
        id: conn.id,
        authEventId: conn.authEventId,
        tenantId: conn.tenantId,
        tenantType: "ORGANISATION",
        tenantName: ctx.store.organisation(conn.tenantId)?.name ?? "",
        createdDateUtc: new Date(conn.createdMs).toISOString().replace("Z", ""),
        updatedDateUtc: new Date(conn.updatedMs).toISOString().replace("Z", ""),
      })),
    );
  });

  app.delete("/:id", (c) => {
    const claims = c.get("claims");
    const connection = mine(claims.client_id, claims.xero_userid).find(
      (conn) => conn.id === c.req.param("id").toLowerCase(),
    );
    if (!connection) return notFound(c);
    ctx.grants.removeConnection(connection);
    return c.body(null, 204);
  });

  return app;
}

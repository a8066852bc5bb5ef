import { Hono } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "../env.ts";
import { authorizationServerMetadata, protectedResourceMetadata } from "./metadata.ts";

/**
 * `/.well-known/*` answers metadata or a JSON 404, never the web app's HTML: an OAuth client parses whatever it
 * gets as JSON. Readable cross-origin, since browser-based MCP clients fetch it too.
 */
export function wellKnownRoutes(publicUrl: string) {
  const app = new Hono<AppEnv>();
  app.use("*", cors({ origin: "*", allowMethods: ["GET", "OPTIONS"] }));
  const resource = protectedResourceMetadata(publicUrl);
  const server = authorizationServerMetadata(publicUrl);
  app.get("/oauth-protected-resource", (c) => c.json(resource));
  app.get("/oauth-protected-resource/mcp", (c) => c.json(resource));
  app.get("/oauth-authorization-server", (c) => c.json(server));
  // Some clients look for the authorization server under the resource's path (RFC 8414 §3.1 with a path).
  app.get("/oauth-authorization-server/mcp", (c) => c.json(server));
  app.all("*", (c) =>
    c.json(
      { error: { code: "not_found", message: `No metadata at ${c.req.path}.`, request_id: c.get("requestId") } },
      404,
    ),
  );
  return app;
}

import { Hono, type MiddlewareHandler } from "hono";
import type { AppDeps } from "../http/deps.ts";
import type { AppEnv } from "../http/env.ts";
import { errorResponse } from "../http/errors.ts";
import { rateLimit } from "../http/middleware/rate-limit.ts";
import { bearerChallenge } from "../http/oauth/metadata.ts";
import { AppError } from "../lib/errors.ts";
import { defaultMailFrom } from "../modules/mail/index.ts";
import { resolveBearerActor } from "../modules/oauth/index.ts";

const MAX_BODY_BYTES = 1024 * 1024;

// The MCP SDK and the tool definitions take a few hundred milliseconds to load: they are loaded by the first
// MCP request, not by every start.
let modules:
  | Promise<
      [typeof import("./server.ts"), typeof import("@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js")]
    >
  | undefined;
const loadMcp = () => {
  modules ??= Promise.all([
    import("./server.ts"),
    import("@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js"),
  ]);
  return modules;
};

/**
 * MCP clients authenticate with an API key or an OAuth access token, never a browser session cookie (there is no
 * CSRF token in the MCP protocol). The 401 names the protected-resource metadata, where OAuth clients start.
 */
function bearerKey(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
    const actor = match?.[1] ? await resolveBearerActor(deps, match[1]) : null;
    if (!actor) {
      c.header("WWW-Authenticate", bearerChallenge(deps.publicUrl));
      return errorResponse(
        c,
        new AppError(
          "unauthorized",
          "The API key or access token is missing, malformed, unknown, expired or revoked.",
          {
            fix: "Send Authorization: Bearer stl_live_… with a key from Settings → API keys, or connect with OAuth.",
          },
        ),
      );
    }
    c.set("actor", actor);
    c.set("sessionId", undefined);
    return next();
  };
}

/**
 * Streamable HTTP in stateless mode: each POST gets a fresh server built for the caller's scopes, answered
 * as plain JSON, so any instance can serve any request and nothing is kept between them. Without sessions
 * there is no server-initiated stream (GET) or session to end (DELETE): the spec's answer is 405.
 */
export function mcpRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use("*", bearerKey(deps));
  app.use(
    "*",
    rateLimit(deps.rateLimitPerMinute, (c) => {
      const actor = c.get("actor");
      if (actor.kind === "api_key") return `mcp:${actor.keyId}`;
      return actor.kind === "member" && actor.oauthGrantId ? `mcp:${actor.oauthGrantId}` : "mcp";
    }),
  );
  app.post("/", async (c) => {
    const log = c.get("logger");
    const [{ createMcpServer }, { WebStandardStreamableHTTPServerTransport }] = await loadMcp();
    const server = createMcpServer(
      {
        db: deps.db,
        clock: deps.clock,
        accounting: deps.accounting,
        payments: deps.payments,
        secrets: deps.secrets,
        mail: { from: deps.mailFrom ?? defaultMailFrom(deps.publicUrl), publicUrl: deps.publicUrl },
        onUnexpected: (err, tool) => log.error({ err, tool }, "mcp tool failed"),
      },
      c.get("actor"),
    );
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
      maxRequestBodySize: MAX_BODY_BYTES,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      // JSON mode resolves only once every response is written, so closing here cuts nothing short.
      await server.close();
    }
  });
  app.on(["GET", "DELETE"], "/", (c) => {
    c.header("Allow", "POST");
    return c.json(
      { jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed: this server is stateless." }, id: null },
      405,
    );
  });
  return app;
}

import { join } from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { loadOrCreateConsoleToken } from "../shared/console-token.ts";
import { createStripeSandbox } from "./index.ts";

const MOUNT = "/sandbox/stripe";

type FetchHandler = (request: Request, env: unknown) => Response | Promise<Response>;

/**
 * Serves the sandbox on 127.0.0.1:port (at /sandbox/stripe, and the API also at the host root, where the
 * SDK's `host` option sends it) and prints its URLs and credentials as one JSON line. State and the
 * console token are kept in `dataDir`, so a restart keeps keys, objects and the console link.
 */
export async function runStripeSandboxStandalone(options: {
  port: number;
  dataDir: string;
}): Promise<{ close(): Promise<void> }> {
  // The public URL needs the bound port (port 0 picks one), so the app is attached after listen.
  let handler: FetchHandler = () => new Response("starting", { status: 503 });
  const server = serve({ fetch: (request, env) => handler(request, env), port: options.port, hostname: "127.0.0.1" });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("listening", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : options.port);
    });
    server.once("error", reject);
  });
  const sandbox = createStripeSandbox({
    publicUrl: `http://127.0.0.1:${port}${MOUNT}`,
    persistFile: join(options.dataDir, "stripe-sandbox.json"),
    consoleToken: loadOrCreateConsoleToken(join(options.dataDir, "sandbox-console-token")),
    webhookUrl: process.env.STRIPE_SANDBOX_WEBHOOK_URL,
  });
  const root = new Hono();
  root.route(MOUNT, sandbox.app);
  root.all("/v1/*", (c) => sandbox.hostFetch(c.req.raw, c.env));
  root.all("/oauth/*", (c) => sandbox.hostFetch(c.req.raw, c.env));
  handler = (request, env) => root.fetch(request, env);
  const { secret_key, client_id, webhook_secret } = sandbox.credentials;
  process.stdout.write(
    `${JSON.stringify({ ...sandbox.urls, secret_key, client_id, webhook_secret, console_token: sandbox.consoleToken })}\n`,
  );
  return {
    async close() {
      await sandbox.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

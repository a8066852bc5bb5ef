import { join } from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { loadOrCreateConsoleToken } from "../shared/console-token.ts";
import { createXeroSandbox } from "./index.ts";

const MOUNT = "/sandbox/xero";

type FetchHandler = (request: Request, env: unknown) => Response | Promise<Response>;

/**
 * Serves the sandbox on 127.0.0.1:port and prints its URLs, credentials and console token as one JSON line.
 * The token is kept beside the state, so a restart keeps the console link working.
 */
export async function runXeroSandboxStandalone(options: {
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
  const sandbox = createXeroSandbox({
    publicUrl: `http://127.0.0.1:${port}${MOUNT}`,
    persistFile: join(options.dataDir, "xero-sandbox.json"),
    consoleToken: loadOrCreateConsoleToken(join(options.dataDir, "sandbox-console-token")),
    webhookUrl: process.env.XERO_SANDBOX_WEBHOOK_URL,
    webhookKey: process.env.XERO_SANDBOX_WEBHOOK_KEY,
  });
  const root = new Hono();
  root.route(MOUNT, sandbox.app);
  handler = (request, env) => root.fetch(request, env);
  process.stdout.write(
    `${JSON.stringify({ ...sandbox.urls, ...sandbox.credentials, console_token: sandbox.consoleToken })}\n`,
  );
  return {
    async close() {
      await sandbox.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import { join } from "node:path";
import { Hono } from "hono";
import { loadOrCreateConsoleToken } from "../shared/console-token.ts";
import { serveStandalone } from "../shared/serve-standalone.ts";
import { createStripeSandbox } from "./index.ts";

const MOUNT = "/sandbox/stripe";

/**
 * Serves the sandbox on 127.0.0.1:port (at /sandbox/stripe, and the API also at the host root, where the
 * SDK's `host` option sends it) and prints its URLs and credentials as one JSON line. State and the
 * console token are kept in `dataDir`, so a restart keeps keys, objects and the console link.
 */
export function runStripeSandboxStandalone(options: { port: number; dataDir: string }) {
  return serveStandalone(options.port, (origin) => {
    const sandbox = createStripeSandbox({
      publicUrl: `${origin}${MOUNT}`,
      persistFile: join(options.dataDir, "stripe-sandbox.json"),
      consoleToken: loadOrCreateConsoleToken(join(options.dataDir, "sandbox-console-token")),
      webhookUrl: process.env.STRIPE_SANDBOX_WEBHOOK_URL,
    });
    const root = new Hono();
    root.route(MOUNT, sandbox.app);
    root.all("/v1/*", (c) => sandbox.hostFetch(c.req.raw, c.env));
    root.all("/oauth/*", (c) => sandbox.hostFetch(c.req.raw, c.env));
    const { secret_key, client_id, webhook_secret } = sandbox.credentials;
    return {
      root,
      describe: { ...sandbox.urls, secret_key, client_id, webhook_secret, console_token: sandbox.consoleToken },
      close: () => sandbox.close(),
    };
  });
}

import { join } from "node:path";
import { Hono } from "hono";
import { loadOrCreateConsoleToken } from "../shared/console-token.ts";
import { serveStandalone } from "../shared/serve-standalone.ts";
import { createXeroSandbox } from "./index.ts";

const MOUNT = "/sandbox/xero";

/**
 * Serves the sandbox on 127.0.0.1:port and prints its URLs, credentials and console token as one JSON line.
 * The token is kept beside the state, so a restart keeps the console link working.
 */
export function runXeroSandboxStandalone(options: { port: number; dataDir: string }) {
  return serveStandalone(options.port, (origin) => {
    const sandbox = createXeroSandbox({
      publicUrl: `${origin}${MOUNT}`,
      persistFile: join(options.dataDir, "xero-sandbox.json"),
      consoleToken: loadOrCreateConsoleToken(join(options.dataDir, "sandbox-console-token")),
      webhookUrl: process.env.XERO_SANDBOX_WEBHOOK_URL,
      webhookKey: process.env.XERO_SANDBOX_WEBHOOK_KEY,
    });
    const root = new Hono();
    root.route(MOUNT, sandbox.app);
    return {
      root,
      describe: { ...sandbox.urls, ...sandbox.credentials, console_token: sandbox.consoleToken },
      close: () => sandbox.close(),
    };
  });
}

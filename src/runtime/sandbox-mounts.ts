import { join } from "node:path";
import type { Config } from "../config.ts";
import { createXeroSandbox, loadOrCreateConsoleToken } from "../sandboxes/xero/index.ts";

type Mount = { prefix: string; app: { fetch: (request: Request) => Response | Promise<Response> } };

export type SandboxMounts = {
  mounts: Mount[];
  /** Lines to print at start: each sandbox console's link, carrying the console token. */
  consoleLinks: string[];
  close(): Promise<void>;
};

/** One token for every sandbox console, generated once per data directory. */
export const CONSOLE_TOKEN_FILE = "sandbox-console-token";

/**
 * The local Xero sandbox, mounted in Settle's own server at /sandbox/xero for dev, demo and tests, so the
 * real adapters can point at it offline. Nothing is mounted unless `config.sandboxes` (SETTLE_SANDBOXES) is
 * on. Its state lives in its own snapshot file beside the database; its console needs the token kept in
 * DATA_DIR, also on PostgreSQL, where DATA_DIR holds nothing else.
 */
export async function createSandboxMounts(config: Config): Promise<SandboxMounts> {
  if (!config.sandboxes) {
    return { mounts: [], consoleLinks: [], close: async () => undefined };
  }
  const consoleToken = loadOrCreateConsoleToken(join(config.dataDir, CONSOLE_TOKEN_FILE));
  const publicUrl = `${config.publicUrl}/sandbox/xero`;
  const xero = createXeroSandbox({
    publicUrl,
    consoleToken,
    ...(config.databaseUrl ? {} : { persistFile: join(config.dataDir, "xero-sandbox.json") }),
  });
  return {
    mounts: [{ prefix: "/sandbox/xero", app: xero.app }],
    consoleLinks: [`Xero sandbox console: ${publicUrl}/console?token=${consoleToken}`],
    close: () => xero.close(),
  };
}

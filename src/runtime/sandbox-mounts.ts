import { join } from "node:path";
import type { Config } from "../config.ts";
import { createXeroSandbox } from "../sandboxes/xero/index.ts";

type Mount = { prefix: string; app: { fetch: (request: Request) => Response | Promise<Response> } };

/**
 * The local Xero sandbox, mounted in Settle's own server at /sandbox/xero for dev, demo and tests, so the
 * real adapters can point at it offline. Its state lives in its own snapshot file beside the database.
 */
export async function createSandboxMounts(config: Config): Promise<{ mounts: Mount[]; close(): Promise<void> }> {
  const xero = createXeroSandbox({
    publicUrl: `${config.publicUrl}/sandbox/xero`,
    ...(config.databaseUrl ? {} : { persistFile: join(config.dataDir, "xero-sandbox.json") }),
  });
  return { mounts: [{ prefix: "/sandbox/xero", app: xero.app }], close: () => xero.close() };
}

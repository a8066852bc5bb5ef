import type { Config } from "../config.ts";

type Mount = { prefix: string; app: { fetch: (request: Request) => Response | Promise<Response> } };

/** The local Xero and Stripe sandboxes, mounted in Settle's own server for dev, demo and tests. */
export async function createSandboxMounts(_config: Config): Promise<{ mounts: Mount[]; close(): Promise<void> }> {
  return { mounts: [], close: async () => undefined };
}

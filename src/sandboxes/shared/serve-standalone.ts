import { serve } from "@hono/node-server";
import type { Hono } from "hono";

type FetchHandler = (request: Request, env: unknown) => Response | Promise<Response>;

export interface StandaloneSandbox {
  /** The whole server's routes (the sandbox mounted at its path, and anything it answers at the root). */
  root: Hono;
  /** The one JSON line printed once listening: URLs and credentials. */
  describe: Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * Serves a sandbox on 127.0.0.1:port and prints its description as one JSON line. The public URL needs the
 * bound port (port 0 picks one), so the sandbox is built once listening; requests before that get a 503.
 */
export async function serveStandalone(
  port: number,
  build: (origin: string) => StandaloneSandbox,
): Promise<{ close(): Promise<void> }> {
  let handler: FetchHandler = () => new Response("starting", { status: 503 });
  const server = serve({ fetch: (request, env) => handler(request, env), port, hostname: "127.0.0.1" });
  const bound = await new Promise<number>((resolve, reject) => {
    server.once("listening", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
    server.once("error", reject);
  });
  const sandbox = build(`http://127.0.0.1:${bound}`);
  handler = (request, env) => sandbox.root.fetch(request, env);
  process.stdout.write(`${JSON.stringify(sandbox.describe)}\n`);
  return {
    async close() {
      await sandbox.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import type { Config } from "../config.ts";
import { createLogger } from "../lib/logger.ts";
import { startServer } from "../server.ts";

/** Returns -1: the process keeps running until SIGTERM/SIGINT, then exits after a graceful stop. */
export async function runStart(config: Config): Promise<number> {
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, logger);
  const shutdown = (signal: string) => {
    logger.info({ signal }, "signal received");
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  return -1;
}

import type { Config } from "../config.ts";
import { createLogger } from "../lib/logger.ts";
import { restrictNewFiles } from "../runtime/data-dir.ts";
import { startServer } from "../server.ts";

/** Returns -1: the process keeps running until SIGTERM/SIGINT, then exits after a graceful stop. */
export async function runStart(config: Config): Promise<number> {
  restrictNewFiles();
  const logger = createLogger(config.logLevel);
  let signalled: string | undefined;
  let stop: (() => Promise<void>) | undefined;
  const shutdown = () => {
    logger.info({ signal: signalled }, "signal received");
    (stop ?? (async () => undefined))().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  // Handlers go in before the database opens, so a signal during start (migrations) stops cleanly once it is
  // up. A Ctrl-C under `npm start` arrives twice (from the terminal and forwarded by npm): the stop runs once,
  // and a repeated signal must not fall back to the default action, which would skip releasing DATA_DIR.
  const onSignal = (signal: string) => {
    if (signalled) return;
    signalled = signal;
    if (stop) shutdown();
  };
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));
  const server = await startServer(config, logger);
  stop = server.stop;
  if (signalled) shutdown();
  return -1;
}

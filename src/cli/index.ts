import { ConfigError, loadConfig } from "../config.ts";
import { AppError } from "../lib/errors.ts";

const USAGE = `Usage: settle <command>

  start                         serve the API and web app (embedded PGlite unless DATABASE_URL is set);
                                SIGTERM or Ctrl-C stops it once the requests in flight are answered
  migrate                       apply database migrations (for PostgreSQL deploys)
  worker [--concurrency N]      run background jobs in a separate process (PostgreSQL only)
  workspace create --name NAME --admin-email EMAIL --admin-password PW [--json]
  backup --out FILE             copy the embedded database to FILE, also while the server runs
  restore FILE                  restore a backup into DATA_DIR (stop the server first; the old one is kept aside)
  sandbox xero|stripe --port PORT  run the local Xero or Stripe sandbox on its own
  mcp --api-key stl_live_…      MCP server on stdio (or SETTLE_API_KEY); with a server running on PGlite use its /mcp

Configuration comes from environment variables: PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_URL, LOG_LEVEL, SETTLE_DEMO, METRICS_TOKEN, SETTLE_SECRET_KEY.
SETTLE_SANDBOXES mounts the Xero and Stripe sandboxes (on for the embedded database). DATA_DIR is kept owner-only; a
demo-seeded database's sign-ins are in DATA_DIR/demo-credentials.json and printed at every start.`;

// Each command is loaded when it runs, so a start does not load the MCP stdio server, backup or sandbox code.
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case "start":
      return (await import("./start.ts")).runStart(config);
    case "migrate":
      return (await import("./migrate.ts")).runMigrate(config);
    case "workspace":
      return (await import("./workspace.ts")).runWorkspace(config, rest);
    case "worker":
      return (await import("./worker.ts")).runWorker(config, rest);
    case "backup":
      return (await import("./backup.ts")).runBackup(config, rest);
    case "restore":
      return (await import("./backup.ts")).runRestore(config, rest);
    case "sandbox":
      return (await import("./sandbox.ts")).runSandbox(config, rest);
    case "mcp": // MCP on stdio (SPEC §8)
      return (await import("./mcp.ts")).runMcp(config, rest);
    default:
      process.stderr.write(`${USAGE}\n`);
      return command === undefined || command === "help" || command === "--help" ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) {
      process.exitCode = code;
    }
  },
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof AppError;
    const text = known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${text}\n`);
    process.exitCode = 1;
  },
);

import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { createXeroAccounting } from "../integrations/accounting/xero.ts";
import { systemClock } from "../lib/clock.ts";
import { createMcpServer } from "../mcp/server.ts";
import { resolveApiKeyActor } from "../modules/access/index.ts";
import { readAdminChannel } from "../runtime/admin-channel.ts";
import { type DataDirLock, tryLockDataDir } from "../runtime/data-dir-lock.ts";
import { openMigratedDatabase } from "../runtime/open-migrated-db.ts";
import { createPaymentsProvider } from "../runtime/payments-provider.ts";
import { lazySecretBox, loadSecretBox } from "../runtime/secret-key.ts";
import { parseFlags } from "./args.ts";

const USAGE = "Usage: settle mcp --api-key stl_live_… (or set SETTLE_API_KEY)\n";

/** stdout carries the MCP protocol, so every human-readable line goes to stderr. */
function say(text: string): void {
  process.stderr.write(`${text}\n`);
}

/**
 * PostgreSQL: connect directly (any number of processes may). PGlite: only one process may open DATA_DIR,
 * so when a server holds it, point the user at that server's /mcp endpoint instead of waiting for it.
 */
async function openForMcp(config: Config): Promise<{ database: Database; lock?: DataDirLock } | null> {
  if (config.databaseUrl) {
    return { database: await openMigratedDatabase(config) };
  }
  const lock = tryLockDataDir(config.dataDir);
  if (!("release" in lock)) {
    const url = readAdminChannel(config.dataDir)?.url ?? config.publicUrl;
    say(
      `A running Settle server (pid ${lock.heldBy}) holds DATA_DIR ${config.dataDir}, and the embedded database allows one process.\n` +
        `Use its Streamable HTTP endpoint instead: ${url}/mcp with the header "Authorization: Bearer stl_live_…" (see docs/mcp.md).`,
    );
    return null;
  }
  return { database: await openMigratedDatabase(config), lock };
}

/** Resolves once the client hangs up (stdin ends) or the process is asked to stop. */
function untilClosed(): Promise<void> {
  return new Promise((done) => {
    process.stdin.once("end", done);
    process.stdin.once("close", done);
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}

export async function runMcp(config: Config, args: string[]): Promise<number> {
  const { values } = parseFlags(args, { "api-key": { type: "string" } });
  // A per-invocation credential, not server configuration, so it is read here rather than in config.ts.
  const apiKey = values["api-key"] ?? config.apiKey;
  if (!apiKey) {
    process.stderr.write(USAGE);
    return 2;
  }
  const opened = await openForMcp(config);
  if (!opened) {
    return 1;
  }
  const { database, lock } = opened;
  try {
    const deps = { db: database.db, clock: systemClock };
    const actor = await resolveApiKeyActor(deps, apiKey);
    if (!actor) {
      say("The API key is unknown or revoked. Create one under Settings → API keys (it starts with stl_live_).");
      return 1;
    }
    const onUnexpected = (error: unknown, tool: string) => say(`mcp tool ${tool} failed: ${String(error)}`);
    const accounting = config.xero ? createXeroAccounting(config.xero, loadSecretBox(config)) : undefined;
    const payments = createPaymentsProvider(config);
    const secrets = lazySecretBox(config);
    const server = createMcpServer({ ...deps, accounting, payments, secrets, onUnexpected }, actor);
    await server.connect(new StdioServerTransport());
    say(`Settle MCP server on stdio for workspace ${actor.workspaceId} (${actor.scopes.size} scopes).`);
    await untilClosed();
    await server.close();
    return 0;
  } finally {
    await database.close();
    lock?.release();
  }
}

import type { Config } from "../config.ts";
import { systemClock } from "../lib/clock.ts";
import { parseInput } from "../lib/validation.ts";
import { type CreatedWorkspace, createWorkspace } from "../modules/access/index.ts";
import { CreateWorkspaceInput } from "../modules/access/schemas.ts";
import { readAdminChannel } from "../runtime/admin-channel.ts";
import { lockDataDir } from "../runtime/data-dir-lock.ts";
import { openMigratedDatabase } from "../runtime/open-migrated-db.ts";
import { parseFlags } from "./args.ts";

type Input = { name: string; admin_email: string; admin_password: string };

/** Through the running server's loopback admin channel; null when no server answers. */
async function viaServer(config: Config, input: Input): Promise<CreatedWorkspace | null> {
  const channel = readAdminChannel(config.dataDir);
  if (!channel) {
    return null;
  }
  try {
    const response = await fetch(`${channel.url}/internal/admin/workspaces`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-settle-admin-secret": channel.secret },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as CreatedWorkspace & { error?: { message: string } };
    if (!response.ok) {
      throw new Error(body.error?.message ?? `server answered ${response.status}`);
    }
    return body;
  } catch (error) {
    if (error instanceof TypeError) {
      return null;
    }
    throw error;
  }
}

async function direct(config: Config, input: Input): Promise<CreatedWorkspace> {
  const database = await openMigratedDatabase(config);
  try {
    return await createWorkspace({ db: database.db, clock: systemClock }, input);
  } finally {
    await database.close();
  }
}

/**
 * On PostgreSQL the CLI connects directly. On PGlite only one process may open the directory: a running
 * server is asked over its admin channel; otherwise the CLI takes the directory lock (waiting for another CLI).
 */
async function create(config: Config, input: Input): Promise<CreatedWorkspace> {
  if (config.databaseUrl) {
    return direct(config, input);
  }
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const served = await viaServer(config, input);
    if (served) {
      return served;
    }
    const lock = await lockDataDir(config.dataDir, 2_000);
    if ("release" in lock) {
      try {
        return await direct(config, input);
      } finally {
        lock.release();
      }
    }
  }
  throw new Error(`Timed out waiting for ${config.dataDir}; another process holds it and no server answers.`);
}

export async function runWorkspace(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    name: { type: "string" },
    "admin-email": { type: "string" },
    "admin-password": { type: "string" },
    json: { type: "boolean" },
  });
  if (positionals[0] !== "create" || !values.name || !values["admin-email"] || !values["admin-password"]) {
    process.stderr.write(
      "Usage: settle workspace create --name NAME --admin-email EMAIL --admin-password PW [--json]\n",
    );
    return 2;
  }
  const input = { name: values.name, admin_email: values["admin-email"], admin_password: values["admin-password"] };
  // Validate before touching the database, so a typo costs no lock and no migration.
  parseInput(CreateWorkspaceInput, input);
  const created = await create(config, input);
  const out = { workspace_id: created.workspaceId, user_id: created.userId, api_key: created.apiKey };
  process.stdout.write(
    values.json
      ? `${JSON.stringify(out)}\n`
      : `Workspace ${out.workspace_id} created.\nAdmin user: ${out.user_id}\nFull-access API key (shown once): ${out.api_key}\n`,
  );
  return 0;
}

import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Config } from "../config.ts";
import { readAdminChannel } from "../runtime/admin-channel.ts";
import { PGLITE_DIR, PRIVATE_FILE_MODE, restrictTree } from "../runtime/data-dir.ts";
import { type DataDirLock, lockDataDir, tryLockDataDir } from "../runtime/data-dir-lock.ts";
import { parseFlags } from "./args.ts";

const POSTGRES_BACKUP = `On PostgreSQL, back up with pg_dump and restore with pg_restore:
  pg_dump --format=custom --file settle.dump "$DATABASE_URL"
  pg_restore --clean --if-exists --no-owner --dbname "$DATABASE_URL" settle.dump
(stop Settle's processes before a restore; README, "Deploying").`;

class BackupError extends Error {}

/** Writes the chunks to `path` as a 0600 file: under a temporary name first, so `path` is never half written. */
async function writePrivately(path: string, chunks: AsyncIterable<Uint8Array> | Uint8Array[]): Promise<number> {
  const temp = `${path}.${process.pid}.tmp`;
  const file = await open(temp, "wx", PRIVATE_FILE_MODE).catch((error: Error) => {
    throw new BackupError(`Cannot write ${path}: ${error.message}`);
  });
  let size = 0;
  try {
    for await (const chunk of chunks) {
      await file.write(chunk);
      size += chunk.byteLength;
    }
    await file.chmod(PRIVATE_FILE_MODE);
    await file.sync();
    await file.close();
    renameSync(temp, path);
    return size;
  } catch (error) {
    await file.close().catch(() => undefined);
    rmSync(temp, { force: true });
    throw error;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Asks the server holding DATA_DIR for the dump over the loopback admin channel; null when none answers. */
async function dumpViaServer(config: Config): Promise<ReadableStream<Uint8Array> | null> {
  const channel = readAdminChannel(config.dataDir);
  if (!channel || !isRunning(channel.pid)) {
    return null;
  }
  let response: Response;
  try {
    response = await fetch(`${channel.url}/internal/admin/backup`, {
      method: "POST",
      headers: { "x-settle-admin-secret": channel.secret },
    });
  } catch (error) {
    // A left-over admin.json of a server that is gone: nobody listens.
    if (error instanceof TypeError) {
      return null;
    }
    throw error;
  }
  if (!response.ok || !response.body) {
    throw new BackupError(
      `The running Settle (pid ${channel.pid}) refused the backup (HTTP ${response.status}); is it the same version as this command?`,
    );
  }
  return response.body;
}

function hasDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, PGLITE_DIR, "PG_VERSION"));
}

/** With no server running, this process holds the lock and reads the database itself. */
async function dumpDirect(dataDir: string): Promise<Uint8Array> {
  if (!hasDatabase(dataDir)) {
    throw new BackupError(`There is no Settle database in ${dataDir} (DATA_DIR) to back up.`);
  }
  const client = await PGlite.create({ dataDir: join(dataDir, PGLITE_DIR) });
  try {
    await client.exec("checkpoint");
    return new Uint8Array(await (await client.dumpDataDir("gzip")).arrayBuffer());
  } finally {
    await client.close();
    restrictTree(join(dataDir, PGLITE_DIR));
  }
}

async function* fromStream(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/**
 * A consistent copy of the embedded database while the server runs (it dumps between queries) or while
 * nothing runs (this process takes DATA_DIR's lock). Waits for a CLI that holds the lock, as
 * `workspace create` does.
 */
async function backup(config: Config, out: string): Promise<number> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const served = await dumpViaServer(config);
    if (served) {
      return writePrivately(out, fromStream(served));
    }
    const lock = await lockDataDir(config.dataDir, 2_000);
    if ("release" in lock) {
      try {
        return await writePrivately(out, [await dumpDirect(config.dataDir)]);
      } finally {
        lock.release();
      }
    }
  }
  throw new BackupError(`Timed out waiting for ${config.dataDir}; another process holds it and no server answers.`);
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Loads the dump into `dataDir`/pglite (which must not exist yet) and checks it is a Settle database. */
async function loadInto(dataDir: string, dump: Uint8Array): Promise<void> {
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: join(dataDir, PGLITE_DIR),
      loadDataDir: new Blob([dump], { type: "application/gzip" }),
    });
  } catch (error) {
    restrictTree(join(dataDir, PGLITE_DIR));
    throw new BackupError(`The backup does not load as a database: ${(error as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ name: string | null }>("select to_regclass('public.workspaces') as name");
    if (!rows[0]?.name) {
      throw new BackupError("The backup holds a database without Settle's tables.");
    }
  } finally {
    await client.close();
    restrictTree(join(dataDir, PGLITE_DIR));
  }
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, "-");
}

/**
 * Restores into an empty or new DATA_DIR, or into a fresh one after moving the current one aside to
 * `<DATA_DIR>.before-restore-<time>`. The dump is loaded into a sibling directory first and swapped in by
 * renaming, so a backup that does not load leaves DATA_DIR as it was. Refuses while a server holds DATA_DIR.
 */
async function restore(config: Config, file: string): Promise<{ aside: string | null }> {
  let dump: Uint8Array;
  try {
    dump = readFileSync(file);
  } catch (error) {
    throw new BackupError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  if (!isGzip(dump)) {
    throw new BackupError(`${file} is not a Settle backup (the gzip file \`settle backup --out FILE\` writes).`);
  }
  const dataDir = config.dataDir;
  const lock = tryLockDataDir(dataDir);
  if (!("release" in lock)) {
    throw new BackupError(
      `A running Settle process (pid ${lock.heldBy}) holds ${dataDir} (DATA_DIR). Stop it, then run settle restore again.`,
    );
  }
  let staging: string | null = null;
  let stagingLock: DataDirLock | null = null;
  try {
    const occupied = readdirSync(dataDir).some((name) => name !== "settle.lock");
    if (!occupied) {
      await loadInto(dataDir, dump).catch((error: unknown) => {
        rmSync(join(dataDir, PGLITE_DIR), { recursive: true, force: true });
        throw error;
      });
      return { aside: null };
    }
    staging = `${dataDir}.restoring-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    const taken = tryLockDataDir(staging);
    if (!("release" in taken)) {
      throw new BackupError(`${staging} is in use by pid ${taken.heldBy}.`);
    }
    stagingLock = taken;
    await loadInto(staging, dump);
    const aside = `${dataDir}.before-restore-${timestamp(new Date())}`;
    try {
      renameSync(dataDir, aside);
    } catch (error) {
      throw new BackupError(
        `Cannot move ${dataDir} aside (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); when DATA_DIR is a mount point, empty it first or restore into another DATA_DIR.`,
      );
    }
    // The staging directory carries this process's lock file, so DATA_DIR is locked again the moment it exists.
    try {
      renameSync(staging, dataDir);
    } catch (error) {
      renameSync(aside, dataDir);
      throw error;
    }
    staging = null;
    rmSync(join(aside, "settle.lock"), { force: true });
    return { aside };
  } finally {
    if (staging) {
      stagingLock?.release();
      rmSync(staging, { recursive: true, force: true });
    }
    // Either lock now sits at DATA_DIR/settle.lock with this pid; releasing removes it.
    lock.release();
  }
}

function refuseOnPostgres(command: string): number {
  process.stderr.write(`settle ${command} works on the embedded database (DATA_DIR) only.\n${POSTGRES_BACKUP}\n`);
  return 2;
}

async function reportErrors(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

export async function runBackup(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { out: { type: "string" } });
  if (!values.out || positionals.length > 0) {
    process.stderr.write("Usage: settle backup --out FILE\n");
    return 2;
  }
  if (config.databaseUrl) {
    return refuseOnPostgres("backup");
  }
  const out = resolve(values.out);
  return reportErrors(async () => {
    const size = await backup(config, out);
    process.stdout.write(`Backed up the database in ${config.dataDir} to ${out} (${size} bytes).\n`);
    return 0;
  });
}

export async function runRestore(config: Config, args: string[]): Promise<number> {
  const { positionals } = parseFlags(args, {});
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    process.stderr.write("Usage: settle restore FILE\n");
    return 2;
  }
  if (config.databaseUrl) {
    return refuseOnPostgres("restore");
  }
  return reportErrors(async () => {
    const { aside } = await restore(config, resolve(file));
    process.stdout.write(
      `Restored ${resolve(file)} into ${config.dataDir}.${aside ? `\nThe previous data directory is at ${aside}.` : ""}\nStart Settle as usual; it applies any newer migrations at start.\n`,
    );
    return 0;
  });
}

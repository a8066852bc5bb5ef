import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { type Database, openDatabase } from "../db/client.ts";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../db/migrate.ts";
import { PGLITE_DIR, prepareDataDir, restrictTree } from "./data-dir.ts";
import { hasEmbeddedDatabase, initEmbeddedDatabase } from "./init-data-dir.ts";

// Any constant works; it only has to be the same for every Settle process migrating one database.
const MIGRATION_LOCK_KEY = 7_205_113;

/** On PostgreSQL a session advisory lock stops two starting processes (servers, CLIs) migrating at once. */
export async function migratePostgres(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/**
 * PGlite's start parameters plus Settle's. PGlite allocates PostgreSQL's shared memory inside its
 * WebAssembly memory and zeroes it, so all of shared_buffers is resident for the life of the process, read
 * into or not: at PostgreSQL's default of 128MB that is most of an idle server. 32MB holds the hot pages of
 * a workspace; a page that misses is read from the operating system's page cache, not the disk. Durability
 * is PGlite's default (every committed query synced to the files).
 */
export const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

/** A serving process opens its whole pool at start: the first burst of requests finds every connection ready. */
const SERVING_POOL_WARM = 10;

/** Opens (creating it if needed) the PGlite database in `dir` with Settle's settings. */
export async function openEmbeddedDatabase(dir: string): Promise<Database> {
  mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: dir, startParams: EMBEDDED_START_PARAMS });
  return openDatabase({ pglite });
}

export async function openMigratedDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<Database> {
  if (options.databaseUrl) {
    await migratePostgres(options.databaseUrl);
    return openDatabase({ ...options, warmConnections: SERVING_POOL_WARM });
  }
  prepareDataDir(options.dataDir);
  if (!hasEmbeddedDatabase(options.dataDir)) {
    await initEmbeddedDatabase(options.dataDir);
  }
  const pgliteDir = join(options.dataDir, PGLITE_DIR);
  const database = await openEmbeddedDatabase(pgliteDir);
  // A no-op unless this version brings migrations the directory has not had yet.
  await migrateDatabase(database);
  // PGlite sets its files' modes itself (see restrictTree), so they are closed after it has written them: at
  // open, and again at close for anything written since.
  restrictTree(pgliteDir);
  return {
    ...database,
    close: async () => {
      await database.close();
      restrictTree(pgliteDir);
    },
  };
}

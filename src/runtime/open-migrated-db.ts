import { join } from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { type Database, openDatabase } from "../db/client.ts";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../db/migrate.ts";
import { PGLITE_DIR, prepareDataDir, restrictTree } from "./data-dir.ts";

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

export async function openMigratedDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<Database> {
  if (options.databaseUrl) {
    await migratePostgres(options.databaseUrl);
    return openDatabase(options);
  }
  prepareDataDir(options.dataDir);
  const database = await openDatabase(options);
  await migrateDatabase(database);
  // PGlite sets its files' modes itself (see restrictTree), so they are closed after it has written them: at
  // open, and again at close for anything written since.
  restrictTree(join(options.dataDir, PGLITE_DIR));
  return {
    ...database,
    close: async () => {
      await database.close();
      restrictTree(join(options.dataDir, PGLITE_DIR));
    },
  };
}

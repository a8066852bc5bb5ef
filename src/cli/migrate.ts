import type { Config } from "../config.ts";
import { tryLockDataDir } from "../runtime/data-dir-lock.ts";
import { migratePostgres, openMigratedDatabase } from "../runtime/open-migrated-db.ts";

export async function runMigrate(config: Config): Promise<number> {
  if (config.databaseUrl) {
    await migratePostgres(config.databaseUrl);
    process.stdout.write("Migrations applied.\n");
    return 0;
  }
  const lock = tryLockDataDir(config.dataDir);
  if (!("release" in lock)) {
    process.stderr.write(`A running Settle (pid ${lock.heldBy}) holds ${config.dataDir}; it migrated at start.\n`);
    return 0;
  }
  try {
    const database = await openMigratedDatabase(config);
    await database.close();
    process.stdout.write("Migrations applied.\n");
    return 0;
  } finally {
    lock.release();
  }
}

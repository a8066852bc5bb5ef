import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { migratePostgres } from "../../src/runtime/open-migrated-db.ts";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new PostgreSQL database
 * created from TEST_DATABASE_URL (dropped on close). Tests run the real migrations, never a schema push.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ pglite: await PGlite.create() });
    await migrateDatabase(database);
    return database;
  }
  const name = `settle_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  await migratePostgres(testUrl.toString());
  const database = await openDatabase({ databaseUrl: testUrl.toString(), poolSize: 8 });
  return {
    ...database,
    url: testUrl.toString(),
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export const isPostgres = Boolean(process.env.TEST_DATABASE_URL);

import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Verbs accept either, so a caller can compose several verbs in one transaction. */
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
};

export type DatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string;
  pglite?: PGlite;
  poolSize?: number;
};

/** PGlite (embedded, one process per data directory) by default; PostgreSQL when a URL is given. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle pooled connection that the server closes (restart, failover, admin termination) emits an
    // error on the pool; unhandled it would crash the process. The pool drops that client and the next
    // query opens a fresh one, so there is nothing else to do here.
    pool.on("error", () => undefined);
    const db = drizzlePg(pool, { schema, casing: "snake_case" }) as unknown as Db;
    return { db, kind: "postgres", close: () => pool.end() };
  }
  let client = options.pglite;
  if (!client) {
    const dir = options.dataDir ? `${options.dataDir}/pglite` : undefined;
    if (dir) {
      mkdirSync(dir, { recursive: true });
    }
    client = await PGlite.create(dir ? { dataDir: dir } : {});
  }
  const owned = client;
  const db = drizzlePglite(owned, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "pglite", close: () => owned.close() };
}

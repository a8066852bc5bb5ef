import { mkdirSync } from "node:fs";
import { PGlite, parse as pgliteParse, protocol, type QueryOptions, type Results } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { type PgDatabase, PgDialect, type PgQueryResultHKT, type PgTransaction } from "drizzle-orm/pg-core";
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
  /** PostgreSQL connections to open before returning, so the first requests find them ready. */
  warmConnections?: number;
};

/** PGlite (embedded, one process per data directory) by default; PostgreSQL when a URL is given. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const max = options.poolSize ?? 10;
    // Connections once opened stay open (min = max): a burst after a quiet spell (Stripe delivering a
    // backlog, a Xero batch) then never waits for new ones, each a server process and an authentication.
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max, min: max });
    // An idle pooled connection that the server closes (restart, failover, admin termination) emits an
    // error on the pool; unhandled it would crash the process. The pool drops that client and the next
    // query opens a fresh one, so there is nothing else to do here.
    pool.on("error", () => undefined);
    const db = drizzlePg(pool, { schema, casing: "snake_case" }) as unknown as Db;
    if (options.warmConnections) {
      const opened = await Promise.all(
        Array.from({ length: Math.min(options.warmConnections, max) }, () => pool.connect()),
      );
      for (const client of opened) client.release();
    }
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
  const named = namedStatements(owned);
  const db = drizzlePglite(named.client, { schema, casing: "snake_case" }) as unknown as Db;
  registrars.set(db, named.register);
  return { db, kind: "pglite", close: () => owned.close() };
}

type Prepared = { getQuery(): { sql: string } };

const registrars = new WeakMap<object, (text: string) => void>();
const preparedByDb = new WeakMap<object, Map<string, unknown>>();

/**
 * A hot query prepared once per database under a unique name (its inputs as `sql.placeholder`s): Drizzle
 * generates its SQL once, and the server parses and plans it once per connection instead of on every request.
 * Inside a transaction it is prepared afresh, bound to that transaction.
 */
export function preparedQuery<T extends Prepared>(
  db: DbOrTx,
  name: string,
  build: (db: DbOrTx) => { prepare(name: string): T },
): T {
  if ("rollback" in db) {
    return build(db).prepare(name);
  }
  let cache = preparedByDb.get(db);
  if (!cache) {
    cache = new Map();
    preparedByDb.set(db, cache);
  }
  let query = cache.get(name) as T | undefined;
  if (!query) {
    query = build(db).prepare(name);
    registrars.get(db)?.(query.getQuery().sql);
    cache.set(name, query);
  }
  return query;
}

const dialect = new PgDialect();

/** How many statements the database runs at once for this handle: one on PGlite, a pool's worth on PostgreSQL. */
export function concurrentStatements(db: Db): number {
  return registrars.has(db) ? 1 : 4;
}

/**
 * Runs a hot hand-written statement (its inputs as parameters, so its text never changes) and returns its rows:
 * on PGlite it runs as a named statement, parsed and planned once, like the prepared queries above.
 */
export async function hotRows<T>(db: Db, query: SQL): Promise<T[]> {
  registrars.get(db)?.(dialect.sqlToQuery(query).sql);
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

type Statement = { name: string; types: number[] };

/**
 * One turn of the event loop before each statement or transaction. PGlite runs on this thread and its results
 * resolve as microtasks, so a job's chain of queries would otherwise hold the loop until the job ended, and a
 * request that arrived meanwhile (a webhook waiting for its 2xx) would wait behind all of it.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// Named statements live in the PGlite session, so every wrapper of one PGlite instance shares them.
const statementsByClient = new WeakMap<PGlite, Map<string, Statement>>();
const wrappedClients = new WeakMap<PGlite, PGlite>();

function frame(messages: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(messages.reduce((n, m) => n + m.length, 0));
  let offset = 0;
  for (const message of messages) {
    out.set(message, offset);
    offset += message.length;
  }
  return out;
}

/**
 * PGlite's `query` parses, plans and describes every statement afresh, one protocol round trip per step.
 * Statements registered here instead run as named statements: parsed once, then bind, describe, execute and
 * sync in one call. Everything else (transactions, exec, other queries) goes to PGlite unchanged; these
 * queries take the same locks as `query`, so they never run inside another caller's transaction.
 */
function namedStatements(given: PGlite): { client: PGlite; register: (text: string) => void } {
  // A second database handle over the same PGlite (`db.$client` of the first) wraps the instance itself.
  const client = wrappedClients.get(given) ?? given;
  const registered = new Set<string>();
  let statements = statementsByClient.get(client);
  if (!statements) {
    statements = new Map();
    statementsByClient.set(client, statements);
  }
  const known = statements;
  const run = (messages: Uint8Array[]) => client.execProtocolStream(frame(messages), { syncToFs: false });
  const { serialize } = protocol;
  async function namedQuery(text: string, params: unknown[], options?: QueryOptions): Promise<Results> {
    await client._checkReady();
    return client._runExclusiveTransaction(() =>
      client._runExclusiveQuery(async () => {
        let statement = known.get(text);
        if (!statement) {
          const name = `settle_${known.size + 1}`;
          const described = await run([
            serialize.parse({ name, text }),
            serialize.describe({ type: "S", name }),
            serialize.sync(),
          ]);
          statement = { name, types: pgliteParse.parseDescribeStatementResults(described) };
          known.set(text, statement);
        }
        const types = statement.types;
        const values = params.map((value, i) => {
          if (value === null || value === undefined) {
            return null;
          }
          const serializer = client.serializers[types[i] ?? 0];
          return serializer ? serializer(value) : String(value);
        });
        const messages = await run([
          serialize.bind({ statement: statement.name, values }),
          serialize.describe({ type: "P" }),
          serialize.execute({}),
          serialize.sync(),
        ]);
        await client.syncToFs();
        return pgliteParse.parseResults(messages, client.parsers, options)[0] as Results;
      }),
    );
  }
  const query = async (text: string, params: unknown[] = [], options?: QueryOptions) => {
    await nextTurn();
    return registered.has(text) ? namedQuery(text, params, options) : client.query(text, params, options);
  };
  const transaction: PGlite["transaction"] = async (callback) => {
    await nextTurn();
    return client.transaction(callback);
  };
  const bound = new Map<PropertyKey, unknown>();
  const wrapped = new Proxy(client, {
    get(target, property) {
      if (property === "query") {
        return query;
      }
      if (property === "transaction") {
        return transaction;
      }
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") {
        return value;
      }
      // PGlite keeps its state in private fields, so its methods must run with the instance itself as `this`.
      if (!bound.has(property)) {
        bound.set(property, value.bind(target));
      }
      return bound.get(property);
    },
  });
  wrappedClients.set(wrapped, client);
  return { client: wrapped, register: (text) => registered.add(text) };
}

import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../../src/db/migrate.ts";
import { client, createTestApp } from "../support/app.ts";
import { freePort } from "../support/process.ts";
import { createTestDatabase } from "../support/test-db.ts";

type Journal = { entries: { tag: string }[] };
const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as Journal;
const tags = journal.entries.map((e) => e.tag);
const cleanups: (() => Promise<void> | void)[] = [];

/** A database with no migrations applied: in-memory PGlite, or a new PostgreSQL database (dropped afterwards). */
async function emptyDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ pglite: await PGlite.create() });
    cleanups.push(() => database.close());
    return database;
  }
  const name = `settle_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: testUrl.toString(), poolSize: 2 });
  cleanups.push(async () => {
    await database.close();
    const dropper = new pg.Client({ connectionString: url });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  });
  return database;
}

/** Applies only the first `count` migrations, as an older version of Settle would have left the database. */
async function migrateFirst(database: Database, count: number): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "settle-migrations-"));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const partial = { ...journal, entries: journal.entries.slice(0, count) };
  writeFileSync(join(folder, "meta", "_journal.json"), JSON.stringify(partial));
  if (database.kind === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
  } else {
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder: folder });
  }
}

let migrated: Database;
beforeAll(async () => {
  migrated = await createTestDatabase();
});
afterAll(async () => {
  await migrated.close();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("GET /ready", () => {
  it("is ready when the database answers and has every migration this version ships", async () => {
    const api = client(createTestApp(migrated));
    const res = await api.get("/ready");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ready" });
    expect((await api.get("/health")).body).toEqual({ status: "ok" });
  });

  it("names the migrations a database lacks, and is ready once they are applied", async () => {
    expect(tags.length).toBeGreaterThan(1);
    const database = await emptyDatabase();
    await migrateFirst(database, tags.length - 1);
    const api = client(createTestApp(database));
    const res = await api.get("/ready");
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      code: "migrations_pending",
      message: expect.stringContaining(tags.at(-1) ?? "?"),
      fix: expect.stringContaining("settle migrate"),
      request_id: expect.any(String),
    });
    expect(res.body.error.message).not.toContain(tags[0]);
    // /health is liveness only: the process is up even though it must not take traffic yet.
    expect((await api.get("/health")).status).toBe(200);

    await migrateDatabase(database);
    expect((await api.get("/ready")).body).toEqual({ status: "ready" });
  });

  it("lists every migration for a database nobody migrated", async () => {
    const api = client(createTestApp(await emptyDatabase()));
    const res = await api.get("/ready");
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("migrations_pending");
    for (const tag of tags) expect(res.body.error.message).toContain(tag);
  });

  it("is not ready when the database does not answer", async () => {
    const port = await freePort();
    const unreachable = await openDatabase({ databaseUrl: `postgres://settle:settle@127.0.0.1:${port}/settle` });
    cleanups.push(() => unreachable.close());
    const res = await client(createTestApp(unreachable)).get("/ready");
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      code: "database_unavailable",
      message: expect.any(String),
      fix: expect.stringContaining("DATABASE_URL"),
      request_id: expect.any(String),
    });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

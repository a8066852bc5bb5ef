import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { exited, startSettle } from "../support/process.ts";

/**
 * The demo workspace's sign-ins are generated per data directory, kept there owner-only, and printed at
 * every start of a server whose database holds them; nobody else's demo shares them.
 */
type Credentials = Record<"admin" | "editor" | "viewer", { email: string; password: string }>;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "settle-demo-"));
  dirs.push(dir);
  return dir;
}

function storedCredentials(dir: string): Credentials {
  return JSON.parse(readFileSync(join(dir, "demo-credentials.json"), "utf8")) as Credentials;
}

async function signIn(url: string, who: { email: string; password: string }): Promise<number> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify(who),
  });
  return res.status;
}

/** Starts a server, hands it to `check`, and stops it; returns what it printed. */
async function withServer(
  env: Record<string, string>,
  check: (url: string) => Promise<void> = async () => undefined,
): Promise<string> {
  const server = await startSettle(env);
  try {
    await check(server.url);
  } finally {
    server.child.kill("SIGTERM");
    expect(await exited(server.child)).toBe(0);
  }
  return server.output();
}

function expectPrinted(output: string, credentials: Credentials): void {
  for (const who of Object.values(credentials)) {
    expect(output).toContain(`${who.email} / ${who.password}`);
  }
}

describe("demo sign-ins", () => {
  it("are random per data directory, kept 0600, work, and are printed at every start", async () => {
    const dir = dataDir();
    const first = await withServer({ DATA_DIR: dir }, async (url) => {
      const credentials = storedCredentials(dir);
      expect(await signIn(url, credentials.admin)).toBe(200);
      expect(await signIn(url, credentials.viewer)).toBe(200);
      expect(await signIn(url, { email: credentials.admin.email, password: "settle-demo-admin" })).toBe(401);
    });
    const credentials = storedCredentials(dir);
    expect(statSync(join(dir, "demo-credentials.json")).mode & 0o777).toBe(0o600);
    for (const who of Object.values(credentials)) {
      expect(who.password.length).toBeGreaterThanOrEqual(16);
      expect(who.password).not.toMatch(/^settle-demo-/);
    }
    expect(new Set(Object.values(credentials).map((who) => who.password)).size).toBe(3);
    expectPrinted(first, credentials);

    const again = await withServer({ DATA_DIR: dir }, async (url) => {
      expect(await signIn(url, credentials.editor)).toBe(200);
    });
    expectPrinted(again, credentials);
    expect(storedCredentials(dir)).toEqual(credentials);

    const other = dataDir();
    await withServer({ DATA_DIR: other });
    expect(storedCredentials(other).admin.password).not.toBe(credentials.admin.password);
  }, 240_000);

  it("are not printed where the database holds no demo workspace", async () => {
    const dir = dataDir();
    const output = await withServer({ DATA_DIR: dir, SETTLE_DEMO: "0" });
    expect(output).not.toContain("demo.settle.test");
    expect(existsSync(join(dir, "demo-credentials.json"))).toBe(false);
  }, 120_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "on PostgreSQL are off unless SETTLE_DEMO=1, then kept in DATA_DIR likewise",
    async () => {
      const base = process.env.TEST_DATABASE_URL ?? "";
      const name = `settle_demo_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`create database ${name}`);
      try {
        const url = new URL(base);
        url.pathname = `/${name}`;
        const dir = dataDir();
        const env = { DATA_DIR: dir, DATABASE_URL: url.toString() };

        const off = await withServer(env);
        expect(off).not.toContain("demo.settle.test");
        expect(existsSync(join(dir, "demo-credentials.json"))).toBe(false);

        const seeded = await withServer({ ...env, SETTLE_DEMO: "1" }, async (server) => {
          expect(await signIn(server, storedCredentials(dir).admin)).toBe(200);
        });
        const credentials = storedCredentials(dir);
        expect(statSync(join(dir, "demo-credentials.json")).mode & 0o777).toBe(0o600);
        expectPrinted(seeded, credentials);
        expectPrinted(await withServer({ ...env, SETTLE_DEMO: "1" }), credentials);
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    240_000,
  );
});

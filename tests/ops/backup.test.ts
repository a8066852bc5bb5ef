import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exited, settle, startSettle } from "../support/process.ts";

const root = mkdtempSync(join(tmpdir(), "settle-backup-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const created = async (env: Record<string, string>, n: number) =>
  JSON.parse(
    (
      await settle(
        [
          "workspace",
          "create",
          "--name",
          `Backup ${n}`,
          "--admin-email",
          `owner${n}@example.test`,
          "--admin-password",
          "long enough password",
          "--json",
        ],
        env,
      )
    ).stdout.trim(),
  ) as { workspace_id: string; api_key: string };

async function call(url: string, key: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function companyNames(url: string, key: string): Promise<string[]> {
  return (await call(url, key, "GET", "/api/v1/companies")).body.data.map((c: { name: string }) => c.name);
}

/** Every file and directory under `path` that group or others may use. */
function openEntries(path: string): string[] {
  const stat = lstatSync(path);
  const here = (stat.mode & 0o077) !== 0 ? [path] : [];
  if (!stat.isDirectory()) return here;
  return [...here, ...readdirSync(path).flatMap((name) => openEntries(join(path, name)))];
}

type Failure = { code: number; stderr: string };
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: 0, stderr: "" }) as Failure,
    (e: Failure) => e,
  );

describe("settle backup and restore on the embedded database", () => {
  it("backs up while the server runs, refuses to restore under it, and restores into a new DATA_DIR", async () => {
    const source = join(root, "source");
    const env = { DATA_DIR: source, SETTLE_DEMO: "0" };
    const file = join(root, "running.settle-backup.tgz");
    const server = await startSettle(env);
    let key = "";
    try {
      key = (await created(env, 1)).api_key;
      expect((await call(server.url, key, "POST", "/api/v1/companies", { name: "Before Backup" })).status).toBe(201);

      const backup = await settle(["backup", "--out", file], env);
      expect(backup.stdout).toContain(file);
      expect(statSync(file).mode & 0o777).toBe(0o600);

      expect((await call(server.url, key, "POST", "/api/v1/companies", { name: "After Backup" })).status).toBe(201);
      const refused = await failure(settle(["restore", file], env));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`A running Settle process (pid ${server.child.pid})`);
      expect(refused.stderr).toContain("Stop it");
      expect(await companyNames(server.url, key)).toEqual(expect.arrayContaining(["Before Backup", "After Backup"]));
    } finally {
      server.child.kill("SIGTERM");
      expect(await exited(server.child)).toBe(0);
    }

    const target = join(root, "restored");
    const restore = await settle(["restore", file], { DATA_DIR: target, SETTLE_DEMO: "0" });
    expect(restore.stdout).toContain(`into ${target}`);
    expect(openEntries(target)).toEqual([]);

    const restored = await startSettle({ DATA_DIR: target, SETTLE_DEMO: "0" });
    try {
      expect((await fetch(`${restored.url}/ready`)).status).toBe(200);
      const names = await companyNames(restored.url, key);
      expect(names).toContain("Before Backup");
      expect(names).not.toContain("After Backup");
      expect((await call(restored.url, key, "POST", "/api/v1/companies", { name: "Restored" })).status).toBe(201);
    } finally {
      restored.child.kill("SIGTERM");
      expect(await exited(restored.child)).toBe(0);
    }
  }, 400_000);

  it("backs up with no server and restores over an existing DATA_DIR, keeping the old one aside", async () => {
    const dir = join(root, "offline");
    const env = { DATA_DIR: dir, SETTLE_DEMO: "0" };
    const first = await created(env, 2);
    const file = join(root, "offline.settle-backup.tgz");
    await settle(["backup", "--out", file], env);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = await created(env, 3);

    const restore = await settle(["restore", file], env);
    const aside = readdirSync(root).filter((name) => name.startsWith("offline.before-restore-"));
    expect(aside).toHaveLength(1);
    expect(restore.stdout).toContain(join(root, aside[0] ?? ""));
    expect(existsSync(join(root, aside[0] ?? "", "pglite", "PG_VERSION"))).toBe(true);
    expect(existsSync(join(root, aside[0] ?? "", "settle.lock"))).toBe(false);
    expect(existsSync(join(dir, "settle.lock"))).toBe(false);
    expect(openEntries(dir)).toEqual([]);

    const server = await startSettle(env);
    try {
      const me = await call(server.url, first.api_key, "GET", "/api/v1/me");
      expect(me.body.workspace_id).toBe(first.workspace_id);
      // Made after the backup: not in the restored database.
      expect((await call(server.url, second.api_key, "GET", "/api/v1/me")).status).toBe(401);
    } finally {
      server.child.kill("SIGTERM");
      expect(await exited(server.child)).toBe(0);
    }
  }, 400_000);

  it("refuses a file that is not a backup and leaves DATA_DIR alone", async () => {
    const dir = join(root, "untouched");
    const file = join(root, "not-a-backup.txt");
    writeFileSync(file, "hello");
    const refused = await failure(settle(["restore", file], { DATA_DIR: dir }));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is not a Settle backup");
    expect(readdirSync(root).filter((name) => name.startsWith("untouched."))).toEqual([]);
    expect(existsSync(join(dir, "pglite"))).toBe(false);
  }, 120_000);

  it("refuses on PostgreSQL and points at pg_dump and pg_restore", async () => {
    const env = { DATABASE_URL: "postgres://settle@127.0.0.1:1/settle", DATA_DIR: join(root, "unused") };
    const file = join(root, "pg.tgz");
    const backup = await failure(settle(["backup", "--out", file], env));
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain("pg_dump");
    expect(existsSync(file)).toBe(false);
    const restore = await failure(settle(["restore", file], env));
    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain("pg_restore");
  }, 120_000);
});

import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exited, settle, startSettle } from "../support/process.ts";

/**
 * DATA_DIR holds the database, the admin secret, demo passwords and the Xero sandbox's signing key and
 * tokens. Under the usual umask 022 none of it may be readable by other users.
 */
const parents: string[] = [];
let savedUmask: number;

beforeAll(() => {
  // The children inherit it: what a shell or container usually starts Settle with.
  savedUmask = process.umask(0o022);
});
afterAll(() => {
  process.umask(savedUmask);
  for (const dir of parents) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A DATA_DIR path that does not exist yet, so Settle creates it. */
function freshDataDir(): string {
  const parent = mkdtempSync(join(tmpdir(), "settle-perms-"));
  parents.push(parent);
  return join(parent, "data");
}

/** Every entry under `dir` whose mode gives group or other users any access, as "mode path". */
function openEntries(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if ((stat.mode & 0o077) !== 0 && !stat.isSymbolicLink()) {
      found.push(`${(stat.mode & 0o777).toString(8)} ${path}`);
    }
    if (stat.isDirectory()) found.push(...openEntries(path));
  }
  return found;
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe("DATA_DIR permissions", () => {
  it("settle start creates DATA_DIR 0700 and nothing in it is open to group or others, running or stopped", async () => {
    const dataDir = freshDataDir();
    // Demo seed and sandbox on: every kind of file Settle keeps there is written.
    const server = await startSettle({ DATA_DIR: dataDir, SETTLE_DEMO: "1", SETTLE_SANDBOXES: "1" });
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      expect(readdirSync(dataDir)).toEqual(
        expect.arrayContaining(["pglite", "settle.lock", "admin.json", "demo-credentials.json"]),
      );
      expect(openEntries(dataDir)).toEqual([]);
    } finally {
      server.child.kill("SIGTERM");
      expect(await exited(server.child)).toBe(0);
    }
    expect(modeOf(dataDir)).toBe(0o700);
    expect(openEntries(dataDir)).toEqual([]);
  }, 180_000);

  it("closes an existing open DATA_DIR, and settle migrate keeps it closed", async () => {
    const dataDir = freshDataDir();
    mkdirSync(dataDir, { mode: 0o755 });
    expect(modeOf(dataDir)).toBe(0o755);
    await settle(["migrate"], { DATA_DIR: dataDir });
    expect(modeOf(dataDir)).toBe(0o700);
    expect(openEntries(dataDir)).toEqual([]);
  }, 180_000);
});

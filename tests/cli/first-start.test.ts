import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exited, settle, startSettle } from "../support/process.ts";

/**
 * The first start on an empty DATA_DIR creates the embedded database in a process of its own, which must be
 * gone by the time the server answers, and the database it leaves must be the one every later start opens.
 */
const parents: string[] = [];
afterAll(() => {
  for (const dir of parents) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function freshDataDir(): string {
  const parent = mkdtempSync(join(tmpdir(), "settle-first-start-"));
  parents.push(parent);
  return join(parent, "data");
}

/** Node processes (Settle's own, not helper binaries of the TypeScript loader) anywhere under `pid`. */
function nodeDescendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      let exe = "";
      try {
        exe = readlinkSync(`/proc/${child}/exe`);
      } catch {
        // exited meanwhile
      }
      if (exe === process.execPath || /\bnode$/.test(exe)) found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

async function signIn(url: string, who: { email: string; password: string }): Promise<number> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify(who),
  });
  return res.status;
}

function demoAdmin(dataDir: string): { email: string; password: string } {
  return JSON.parse(readFileSync(join(dataDir, "demo-credentials.json"), "utf8")).admin;
}

async function withServer(dataDir: string, check: (url: string, pid: number) => Promise<void>): Promise<void> {
  const server = await startSettle({ DATA_DIR: dataDir, SETTLE_DEMO: "1" });
  try {
    await check(server.url, server.child.pid as number);
  } finally {
    server.child.kill("SIGTERM");
    expect(await exited(server.child)).toBe(0);
  }
}

describe("first start on the embedded database", () => {
  it("leaves no process behind, and the database it created is what a restart opens", async () => {
    const dataDir = freshDataDir();
    await withServer(dataDir, async (url, pid) => {
      expect(nodeDescendants(pid)).toEqual([]);
      expect(existsSync(join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
      expect(existsSync(join(dataDir, "pglite.init"))).toBe(false);
      expect((await fetch(`${url}/ready`)).status).toBe(200);
      expect(await signIn(url, demoAdmin(dataDir))).toBe(200);
    });
    const admin = demoAdmin(dataDir);
    await withServer(dataDir, async (url, pid) => {
      expect(nodeDescendants(pid)).toEqual([]);
      expect((await fetch(`${url}/ready`)).status).toBe(200);
      // The demo seeded at the first start, not again: the same sign-in still works.
      expect(demoAdmin(dataDir)).toEqual(admin);
      expect(await signIn(url, admin)).toBe(200);
    });
  }, 300_000);

  it("builds the database afresh over what an interrupted first start left", async () => {
    const dataDir = freshDataDir();
    mkdirSync(join(dataDir, "pglite.init"), { recursive: true, mode: 0o700 });
    writeFileSync(join(dataDir, "pglite.init", "PG_VERSION"), "17\n");
    await settle(["migrate"], { DATA_DIR: dataDir });
    expect(existsSync(join(dataDir, "pglite.init"))).toBe(false);
    await withServer(dataDir, async (url) => {
      expect((await fetch(`${url}/ready`)).status).toBe(200);
    });
  }, 300_000);

  it("refuses a database directory that holds files but no database, rather than writing over them", async () => {
    const dataDir = freshDataDir();
    mkdirSync(join(dataDir, "pglite"), { recursive: true, mode: 0o700 });
    writeFileSync(join(dataDir, "pglite", "postgresql.conf"), "# kept\n");
    const failure = await settle(["migrate"], { DATA_DIR: dataDir }).then(
      () => null,
      (error: { stderr?: string }) => error,
    );
    expect(failure?.stderr).toContain("no database");
    expect(readFileSync(join(dataDir, "pglite", "postgresql.conf"), "utf8")).toBe("# kept\n");
  }, 120_000);
});

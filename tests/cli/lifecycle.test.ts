import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../support/process.ts";

/**
 * `npm start` as an operator or a container runs it: npm is the process that gets SIGTERM, and the server
 * must go with it, releasing DATA_DIR. Bounds here are generous ceilings for "it stopped at all"; how fast
 * it starts and stops is measured by bench/lifecycle.ts.
 */
const ROOT = new URL("../..", import.meta.url).pathname;
const run = promisify(execFile);
const dirs: string[] = [];
const strays: number[] = [];

afterAll(() => {
  for (const pid of strays) {
    if (isAlive(pid)) process.kill(pid, "SIGKILL");
  }
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function healthy(url: string): Promise<boolean> {
  return fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).then(
    (r) => r.ok,
    () => false,
  );
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

async function npmStart(dataDir: string): Promise<{ npm: ChildProcess; url: string; output: () => string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const npm = spawn("npm", ["start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      SETTLE_DEMO: "0",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  npm.stdout?.on("data", (d) => {
    output += d;
  });
  npm.stderr?.on("data", (d) => {
    output += d;
  });
  await until(
    "npm start answers /health",
    async () => {
      if (npm.exitCode !== null) throw new Error(`npm start exited ${npm.exitCode}:\n${output}`);
      return healthy(url);
    },
    180_000,
  );
  return { npm, url, output: () => output };
}

function lockHolder(dataDir: string): number {
  return Number(readFileSync(join(dataDir, "settle.lock"), "utf8").trim());
}

function parentOf(pid: number): number | null {
  if (!existsSync(`/proc/${pid}/stat`)) return null;
  // The command name (2nd field) is parenthesised and may hold spaces; the ppid is the 2nd field after it.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

describe("npm start", () => {
  it("runs the server as npm's own child, and SIGTERM to npm stops it and releases DATA_DIR", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "settle-lifecycle-"));
    dirs.push(dataDir);
    const { npm, url } = await npmStart(dataDir);
    const server = lockHolder(dataDir);
    strays.push(server);
    const parent = parentOf(server);
    if (parent !== null) {
      // No shell or tsx launcher in between that a signal to npm would stop short of.
      expect(parent).toBe(npm.pid);
    }

    const npmExited = new Promise<number | null>((done) => npm.once("exit", (code) => done(code)));
    npm.kill("SIGTERM");
    await until("the server process is gone", () => !isAlive(server), 20_000);
    expect(existsSync(join(dataDir, "settle.lock"))).toBe(false);
    expect(await healthy(url)).toBe(false);
    expect(await npmExited).toBe(0);
  }, 240_000);

  it("starts without rebuilding a web app whose sources have not changed", async () => {
    await run("sh", ["scripts/build.sh", "--if-changed"], { cwd: ROOT, timeout: 180_000 });
    const stamp = join(ROOT, "dist/web/index.html");
    const builtAt = statSync(stamp).mtimeMs;
    const dataDir = mkdtempSync(join(tmpdir(), "settle-lifecycle-"));
    dirs.push(dataDir);
    const { npm } = await npmStart(dataDir);
    strays.push(lockHolder(dataDir));
    const npmExited = new Promise((done) => npm.once("exit", done));
    npm.kill("SIGTERM");
    await npmExited;
    // Someone editing web/ meanwhile would rightly cause a build; only an unprompted one is a failure.
    const { stdout: changed } = await run(
      "find",
      ["web", "vite.config.ts", "package-lock.json", "-newermt", `@${builtAt / 1000}`, "-print"],
      { cwd: ROOT },
    );
    if (changed.trim() === "") {
      expect(statSync(stamp).mtimeMs).toBe(builtAt);
    }
  }, 400_000);
});

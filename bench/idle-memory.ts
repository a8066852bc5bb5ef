import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { freePort } from "../tests/support/process.ts";
import { printTable } from "./support.ts";

/**
 * Resident memory of an idle `settle start` on the embedded database: on a fresh DATA_DIR (demo seeded),
 * then after a restart on the same one, read from /proc/<pid>/status (VmRSS) for the server and every
 * process still under it, once it has answered /health and idled. Beside it, in the same run, a bare
 * PGlite opening a fresh directory and then the same directory again, which is the floor the server sits on.
 *
 * `npx tsx bench/idle-memory.ts [checkout …]` measures those checkouts (each with its own node_modules and
 * dist/web) instead of this one, in one run. BENCH_IDLE_SECONDS (default 5) sets the idle time.
 */
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const IDLE_MS = Number(process.env.BENCH_IDLE_SECONDS ?? 5) * 1_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Every live process whose parent chain reaches `pid`. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // The command name (2nd field) is parenthesised and may hold spaces; the ppid is the 2nd field after it.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

async function healthy(url: string): Promise<boolean> {
  return fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) }).then(
    (r) => r.ok,
    () => false,
  );
}

type Sample = {
  start_to_health_ms: number;
  rss_mb: number;
  children_left: number;
  children_rss_mb: number;
  children: string;
};

/** The executable's name, e.g. node or esbuild (tsx's compiler service, left while its cache is cold). */
function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "?";
  }
}

/** One `node bin/settle.js start` on `dataDir`: healthy, idle, measured, then stopped with SIGTERM. */
async function measureServer(root: string, dataDir: string): Promise<Sample> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, "bin/settle.js"), "start"], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      LOG_LEVEL: "warn",
      SETTLE_DEMO: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  try {
    while (!(await healthy(url))) {
      if (child.exitCode !== null || performance.now() - started > 180_000) {
        throw new Error(`settle start did not become healthy:\n${output}`);
      }
      await sleep(20);
    }
    const startMs = Math.round(performance.now() - started);
    await sleep(IDLE_MS);
    const pid = child.pid as number;
    const others = descendants(pid);
    return {
      start_to_health_ms: startMs,
      rss_mb: rssMb(pid),
      children_left: others.length,
      children_rss_mb: others.reduce((sum, p) => sum + rssMb(p), 0),
      children: others.map(commandOf).join(" ") || "-",
    };
  } finally {
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    await exited;
    clearTimeout(timer);
  }
}

// Runs from the checkout's directory, so it loads that checkout's PGlite.
const BARE_PGLITE = `
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
const [dataDir, idleMs, options] = process.argv.slice(1);
const started = performance.now();
const client = await PGlite.create({ dataDir, ...JSON.parse(options) });
await client.query("select 1");
const openMs = Math.round(performance.now() - started);
await new Promise((r) => setTimeout(r, Number(idleMs)));
const kb = Number(/^VmRSS:\\s+(\\d+)/m.exec(readFileSync("/proc/self/status", "utf8"))[1]);
process.stdout.write(JSON.stringify({ openMs, rssMb: Math.round(kb / 1024) }));
await client.close();
`;

function measureBarePglite(root: string, dataDir: string, options: object = {}): Promise<Sample> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ["--input-type=module", "-e", BARE_PGLITE, dataDir, String(IDLE_MS), JSON.stringify(options)],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.once("exit", (code) => {
      if (code !== 0) {
        fail(new Error(`bare PGlite exited ${code}:\n${err}`));
        return;
      }
      const { openMs, rssMb: rss } = JSON.parse(out) as { openMs: number; rssMb: number };
      done({ start_to_health_ms: openMs, rss_mb: rss, children_left: 0, children_rss_mb: 0, children: "-" });
    });
  });
}

/** The PGlite settings `settle start` opens its directory with, when this checkout has them. */
async function settleStartParams(root: string): Promise<string[] | null> {
  try {
    const module = (await import(pathToFileURL(join(root, "src/runtime/open-migrated-db.ts")).href)) as {
      EMBEDDED_START_PARAMS?: string[];
    };
    return module.EMBEDDED_START_PARAMS ?? null;
  } catch {
    return null;
  }
}

export async function runIdleMemoryBench(roots: string[] = [ROOT]): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  const scratch = mkdtempSync(join(tmpdir(), "settle-bench-memory-"));
  try {
    const bareDir = join(scratch, "bare");
    rows.push({ what: "bare PGlite, fresh directory", ...(await measureBarePglite(roots[0] ?? ROOT, bareDir)) });
    rows.push({ what: "bare PGlite, reopened", ...(await measureBarePglite(roots[0] ?? ROOT, bareDir)) });
    for (const [index, root] of roots.entries()) {
      const params = await settleStartParams(root);
      if (params) {
        rows.push({
          what: "bare PGlite, reopened with settle start's parameters",
          ...(await measureBarePglite(root, bareDir, { startParams: params })),
        });
      }
      const dataDir = join(scratch, `data-${index}`);
      const label = roots.length > 1 ? ` (${root})` : "";
      rows.push({ what: `settle start, fresh DATA_DIR${label}`, ...(await measureServer(root, dataDir)) });
      rows.push({ what: `settle start, restarted${label}`, ...(await measureServer(root, dataDir)) });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  printTable(
    `Idle memory after ${IDLE_MS / 1_000} s (VmRSS; start_to_health_ms is the open time for bare PGlite)`,
    rows,
  );
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const roots = process.argv.slice(2).map((root) => resolve(root));
  await runIdleMemoryBench(roots.length > 0 ? roots : [ROOT]);
  process.exit(0);
}

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { freePort } from "../tests/support/process.ts";
import { printTable } from "./support.ts";

/**
 * `npm start` as an operator runs it: time from spawning it to the first /health 200 (first start on a fresh
 * DATA_DIR, then restarts on the same one), and from SIGTERM to the npm process until the server is gone
 * (npm exited, /health refused, DATA_DIR/settle.lock removed). Each stop follows a /health over a keep-alive
 * connection that stays idle, as a browser or load balancer leaves it. On Linux it also sums the CPU time the
 * whole `npm start` tree used until /health answered, which a busy machine inflates far less than wall time.
 *
 * `npx tsx bench/lifecycle.ts [checkout]` measures another checkout (with its own node_modules) the same way.
 * BENCH_RESTARTS (default 3) sets how many restarts are timed.
 */
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const STOP_WAIT_MS = 15_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function healthy(url: string): Promise<boolean> {
  return fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) }).then(
    (r) => r.ok,
    () => false,
  );
}

function lockPid(dataDir: string): number | null {
  try {
    return Number(readFileSync(join(dataDir, "settle.lock"), "utf8").trim()) || null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** CPU the process tree under `pid` has used so far, reaped children included (Linux /proc; null elsewhere). */
function treeCpuMs(pid: number): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      // After the command: state, ppid, …, utime (12th), stime, cutime, cstime.
      const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks });
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop() as number;
    total += stats.get(current)?.ticks ?? 0;
    for (const [child, stat] of stats) {
      if (stat.ppid === current) pending.push(child);
    }
  }
  return total * (1000 / CLOCK_TICKS);
}

const CLOCK_TICKS = 100;

async function startNpm(root: string, env: Record<string, string>, url: string) {
  const started = performance.now();
  const child = spawn("npm", ["start"], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  while (!(await healthy(url))) {
    if (child.exitCode !== null || performance.now() - started > 120_000) {
      child.kill("SIGKILL");
      throw new Error(`npm start did not become healthy:\n${output}`);
    }
    await sleep(20);
  }
  const ms = Math.round(performance.now() - started);
  return { child, ms, cpuMs: child.pid === undefined ? null : treeCpuMs(child.pid) };
}

type Stop = { ms: number | null; leftRunning: boolean; serverStopMs: number | null };

/**
 * SIGTERM to npm. If a server outlives npm (the pid in settle.lock), that is reported, and the server is then
 * stopped with SIGTERM to its own pid right after another keep-alive /health, which times its graceful stop.
 */
async function stopNpm(child: ChildProcess, url: string, dataDir: string): Promise<Stop> {
  const serverPid = lockPid(dataDir);
  const npmGone = () => child.exitCode !== null || child.signalCode !== null;
  const started = performance.now();
  child.kill("SIGTERM");
  while (!npmGone() && performance.now() - started < STOP_WAIT_MS) {
    await sleep(5);
  }
  for (;;) {
    if (!existsSync(join(dataDir, "settle.lock")) && !(await healthy(url))) {
      return { ms: Math.round(performance.now() - started), leftRunning: false, serverStopMs: null };
    }
    if (npmGone() && performance.now() - started > 2_000) {
      break;
    }
    await sleep(5);
  }
  if (serverPid === null || !isAlive(serverPid)) {
    throw new Error("the server neither stopped nor left a pid in settle.lock");
  }
  await healthy(url);
  const again = performance.now();
  process.kill(serverPid, "SIGTERM");
  while (isAlive(serverPid) || existsSync(join(dataDir, "settle.lock"))) {
    if (performance.now() - again > 30_000) {
      process.kill(serverPid, "SIGKILL");
      throw new Error(`server pid ${serverPid} ignored SIGTERM`);
    }
    await sleep(5);
  }
  return { ms: null, leftRunning: true, serverStopMs: Math.round(performance.now() - again) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? null;

export async function runLifecycleBench(root = ROOT): Promise<Record<string, unknown>> {
  const restarts = Number(process.env.BENCH_RESTARTS ?? 3);
  const dataDir = mkdtempSync(join(tmpdir(), "settle-bench-lifecycle-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: url };
  const rows: Record<string, unknown>[] = [];
  try {
    for (let run = 0; run <= restarts; run++) {
      const { child, ms, cpuMs } = await startNpm(root, env, url);
      await healthy(url); // leaves an idle keep-alive connection behind, as a browser would
      const stop = await stopNpm(child, url, dataDir);
      rows.push({
        run: run === 0 ? "first start (fresh DATA_DIR)" : `restart ${run}`,
        start_to_health_ms: ms,
        start_cpu_ms: cpuMs ?? "-",
        sigterm_to_exit_ms: stop.ms ?? "never (server left running)",
        server_left_running: stop.leftRunning,
        direct_sigterm_to_exit_ms: stop.serverStopMs ?? "-",
      });
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const timed = rows.slice(1);
  const summary = {
    checkout: root,
    restart_to_health_median_ms: median(timed.map((r) => r.start_to_health_ms as number)),
    restart_cpu_median_ms: median(timed.map((r) => (typeof r.start_cpu_ms === "number" ? r.start_cpu_ms : Number.NaN))),
    sigterm_to_exit_median_ms: median(
      timed.map((r) => (typeof r.sigterm_to_exit_ms === "number" ? r.sigterm_to_exit_ms : Number.NaN)),
    ),
    direct_sigterm_to_exit_median_ms: median(
      timed.map((r) => (typeof r.direct_sigterm_to_exit_ms === "number" ? r.direct_sigterm_to_exit_ms : Number.NaN)),
    ),
  };
  printTable(`npm start lifecycle (${root})`, rows);
  printTable("lifecycle medians over the restarts", [summary]);
  return summary;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await runLifecycleBench(process.argv[2] ? resolve(process.argv[2]) : ROOT);
  process.exit(0);
}

/// <reference types="node" />
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export type SignIn = { email: string; password: string };
/** The demo workspace's sign-ins, generated for this server's data directory. */
export type DemoSignIns = Record<"admin" | "editor" | "viewer", SignIn>;
export type TestServer = { url: string; dataDir: string; demo: DemoSignIns; stop: () => Promise<void> };

const ROOT = resolve(import.meta.dirname, "../../..");

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  // A busy machine may need longer to start (E2E_START_TIMEOUT_MS).
  const deadline = Date.now() + Number(process.env.E2E_START_TIMEOUT_MS ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`settle exited with ${child.exitCode}:\n${output()}`);
    }
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`settle did not become healthy:\n${output()}`);
}

/** One demo-seeded server per test file, on a free port with its own data directory. */
export async function startServer(): Promise<TestServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), "settle-e2e-"));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["bin/settle.js", "start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      PUBLIC_URL: url,
      SETTLE_DEMO: "1",
      LOG_LEVEL: "warn",
      // Journeys click faster than a person; the sandbox (and Settle's limiter with it) allows them the pace.
      XERO_SANDBOX_CALLS_PER_MINUTE: "600",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  await waitForHealth(url, child, () => log);
  const demo = JSON.parse(await readFile(join(dataDir, "demo-credentials.json"), "utf8")) as DemoSignIns;
  return {
    url,
    dataDir,
    demo,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

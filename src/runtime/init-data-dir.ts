import { fork } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { RUNS_FROM_BUNDLE } from "../lib/package-root.ts";
import { PGLITE_DIR } from "./data-dir.ts";

/** Where a new database is built before it is renamed to DATA_DIR/pglite. */
export const PGLITE_INIT_DIR = `${PGLITE_DIR}.init`;

// From the sources the child is a .ts module run through tsx; the bundle builds it as its own entry beside
// its chunks (scripts/build-server.mjs), where it needs no loader.
const CHILD_ENTRY = fileURLToPath(
  new URL(RUNS_FROM_BUNDLE ? "./init-data-dir-process.js" : "./init-data-dir-process.ts", import.meta.url),
);

export function hasEmbeddedDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, PGLITE_DIR, "PG_VERSION"));
}

/**
 * Creates the embedded database of a DATA_DIR that has none: initdb and every migration, in a child process
 * that exits when it is done. PGlite runs initdb in a second WebAssembly instance whose memory the process
 * that ran it keeps (several hundred MB) for its whole life, so the long-lived server only ever opens an
 * existing directory. The database is built beside DATA_DIR/pglite and renamed into place once complete, so
 * an interrupted first start leaves no half-made database behind. The caller holds DATA_DIR's lock.
 */
export async function initEmbeddedDatabase(dataDir: string): Promise<void> {
  const target = join(dataDir, PGLITE_DIR);
  const building = join(dataDir, PGLITE_INIT_DIR);
  // Only an interrupted initialisation leaves it, and the lock says none is running now.
  rmSync(building, { recursive: true, force: true });
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new Error(
      `${target} holds files but no database (no PG_VERSION), perhaps from an interrupted first start. Move it away and start again.`,
    );
  }
  await runChild(building);
  if (existsSync(target)) {
    rmdirSync(target);
  }
  renameSync(building, target);
}

function runChild(dir: string): Promise<void> {
  // From the sources bin/settle.js registers tsx in-process, so the child is given tsx's loader itself;
  // resolved here, so it does not depend on the directory Settle was started from.
  const execArgv = RUNS_FROM_BUNDLE
    ? []
    : ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href];
  return new Promise((done, fail) => {
    const child = fork(CHILD_ENTRY, [dir], {
      execArgv,
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (text: string) => {
      stderr = (stderr + text).slice(-8_000);
    });
    child.once("error", fail);
    child.once("exit", (code, signal) => {
      if (code === 0) {
        done();
      } else {
        const how = signal ? `was stopped by ${signal}` : `exited with ${code}`;
        fail(new Error(`Creating the embedded database in ${dir} failed: the process ${how}.\n${stderr.trim()}`));
      }
    });
  });
}

import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PRIVATE_FILE_MODE, prepareDataDir } from "./data-dir.ts";

/**
 * PGlite allows one process per data directory. Whoever opens it (server or CLI) holds DATA_DIR/settle.lock
 * with its pid; a lock whose process is gone is stale and taken over.
 */
export type DataDirLock = { release(): void };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function tryLockDataDir(dataDir: string): DataDirLock | { heldBy: number } {
  prepareDataDir(dataDir);
  const path = join(dataDir, "settle.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: "wx", mode: PRIVATE_FILE_MODE });
      return {
        release: () => {
          try {
            unlinkSync(path);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw error;
      }
      const pid = Number(readFileSync(path, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        return { heldBy: pid };
      }
      try {
        unlinkSync(path);
      } catch {
        // another process removed the stale lock first
      }
    }
  }
  return { heldBy: -1 };
}

export async function lockDataDir(dataDir: string, timeoutMs: number): Promise<DataDirLock | { heldBy: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = tryLockDataDir(dataDir);
    if ("release" in result || Date.now() > deadline) {
      return result;
    }
    await sleep(100 + Math.random() * 150);
  }
}

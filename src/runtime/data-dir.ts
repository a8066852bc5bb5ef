import { chmodSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * DATA_DIR holds the database files, the admin channel secret, the demo passwords and the sandbox's signing
 * key and tokens, so everything in it is for the owner only: the directory 0700, its files 0600.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;
/** PGlite's files, under DATA_DIR (src/db/client.ts opens it there). */
export const PGLITE_DIR = "pglite";

/**
 * Files and directories this process creates from now on get no group or other bits, whatever umask the
 * shell or container started it with: it covers every write that does not name a mode (libraries included),
 * but not PGlite's, which sets modes itself (see restrictTree).
 */
export function restrictNewFiles(): void {
  process.umask(0o077);
}

const ownedByUs = (uid: number) => typeof process.getuid !== "function" || uid === process.getuid();

/**
 * Creates DATA_DIR 0700 or, when it exists and belongs to this user, takes group and other access away from
 * it. A directory that had been open is also closed entry by entry (a data directory written by an older
 * version under umask 022). A sticky directory (/tmp) is shared by design and left alone, as is one owned
 * by someone else.
 */
export function prepareDataDir(dataDir: string): void {
  restrictNewFiles();
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const stat = statSync(dataDir);
  const sticky = (stat.mode & 0o1000) !== 0;
  if ((stat.mode & 0o077) === 0 || sticky || !ownedByUs(stat.uid)) {
    return;
  }
  chmodSync(dataDir, PRIVATE_DIR_MODE);
  for (const name of SETTLE_ENTRIES) {
    restrictTree(join(dataDir, name));
  }
}

/**
 * What Settle keeps in DATA_DIR. Only these are closed when an open directory is found, since DATA_DIR may
 * have been pointed at a directory holding other things too.
 */
const SETTLE_ENTRIES = [
  PGLITE_DIR,
  "settle.lock",
  "admin.json",
  "demo-credentials.json",
  "sandbox-console-token",
  "secret-key",
  "xero-sandbox.json",
  "xero-sandbox",
  "stripe-sandbox.json",
  "stripe-sandbox",
];

/**
 * Takes group and other bits off `path` and, for a directory, everything under it that this user owns
 * (symlinks are not followed; a missing path is nothing to do). PGlite needs it: its runtime chmods files
 * to the modes its own file system computes, ignoring the process umask, so the files of a new database and
 * some it rewrites at every open (pg_internal.init) come out 0666 or 0644.
 */
export function restrictTree(path: string): void {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (stat.isSymbolicLink() || !ownedByUs(stat.uid)) {
    return;
  }
  if ((stat.mode & 0o077) !== 0) {
    chmodSync(path, stat.mode & 0o700);
  }
  if (stat.isDirectory()) {
    for (const name of readdirSync(path)) {
      restrictTree(join(path, name));
    }
  }
}

/**
 * Writes `path` whole with mode 0600: under a temporary name, then renamed into place, so a reader never
 * sees half a file and an existing file with looser bits is replaced rather than kept.
 */
export function writePrivateFile(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text, { mode: PRIVATE_FILE_MODE, flag: "w" });
    chmodSync(temp, PRIVATE_FILE_MODE);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

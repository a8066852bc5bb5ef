import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const TOKEN = /^[A-Za-z0-9_-]{32,200}$/;

export function newConsoleToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The console token kept in `file` (mode 0600, its directory created 0700), generated on first use. The
 * file is written under a temporary name and hard-linked into place, so processes sharing the directory
 * agree on one token and a reader never sees a half-written file.
 */
export function loadOrCreateConsoleToken(file: string): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const existing = readConsoleToken(file);
  if (existing) return existing;
  const token = newConsoleToken();
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(temp, `${token}\n`, { mode: 0o600, flag: "wx" });
  try {
    linkSync(temp, file);
    return token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  const raced = readConsoleToken(file);
  if (!raced) throw new Error(`${file} vanished while it was being read; start again.`);
  return raced;
}

function readConsoleToken(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const token = text.trim();
  if (!TOKEN.test(token)) {
    throw new Error(`${file} does not hold a sandbox console token; delete it and a new one is generated.`);
  }
  // A copied or restored file may have lost its mode; the token is a credential.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return token;
}

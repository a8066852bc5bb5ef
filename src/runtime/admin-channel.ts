import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writePrivateFile } from "./data-dir.ts";

/** DATA_DIR/admin.json tells a CLI on this machine how to reach the server that holds the PGlite directory. */
export type AdminChannel = { url: string; secret: string; pid: number };

export function adminChannelPath(dataDir: string): string {
  return join(dataDir, "admin.json");
}

export function writeAdminChannel(dataDir: string, channel: AdminChannel): void {
  writePrivateFile(adminChannelPath(dataDir), JSON.stringify(channel));
}

export function readAdminChannel(dataDir: string): AdminChannel | null {
  try {
    return JSON.parse(readFileSync(adminChannelPath(dataDir), "utf8")) as AdminChannel;
  } catch {
    return null;
  }
}

export function removeAdminChannel(dataDir: string): void {
  rmSync(adminChannelPath(dataDir), { force: true });
}

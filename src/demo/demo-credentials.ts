import { randomBytes } from "node:crypto";
import { chmodSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { PRIVATE_FILE_MODE, prepareDataDir, writePrivateFile } from "../runtime/data-dir.ts";

export const DEMO_EMAILS = {
  admin: "admin@demo.settle.test",
  editor: "editor@demo.settle.test",
  viewer: "viewer@demo.settle.test",
} as const;

const Account = z.strictObject({ email: z.email().max(320), password: z.string().min(16).max(200) });
const Credentials = z.strictObject({ admin: Account, editor: Account, viewer: Account });
export type DemoCredentials = z.infer<typeof Credentials>;

/** Kept per data directory, so the demo sign-ins survive restarts without being anyone else's. */
export const DEMO_CREDENTIALS_FILE = "demo-credentials.json";

export function demoCredentialsPath(dataDir: string): string {
  return join(dataDir, DEMO_CREDENTIALS_FILE);
}

/** 24 base64url characters: 144 random bits per account. */
export function generateDemoCredentials(): DemoCredentials {
  const account = (email: string) => ({ email, password: randomBytes(18).toString("base64url") });
  return {
    admin: account(DEMO_EMAILS.admin),
    editor: account(DEMO_EMAILS.editor),
    viewer: account(DEMO_EMAILS.viewer),
  };
}

export function readDemoCredentials(dataDir: string): DemoCredentials | null {
  const file = demoCredentialsPath(dataDir);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let parsed: ReturnType<typeof Credentials.safeParse>;
  try {
    parsed = Credentials.safeParse(JSON.parse(text));
  } catch {
    parsed = Credentials.safeParse(undefined);
  }
  if (!parsed.success) {
    throw new Error(`${file} does not hold the demo sign-ins; delete it (and the demo workspace) to start afresh.`);
  }
  // A copied or restored file may have lost its mode; it holds passwords.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, PRIVATE_FILE_MODE);
  return parsed.data;
}

export function writeDemoCredentials(dataDir: string, credentials: DemoCredentials): void {
  prepareDataDir(dataDir);
  writePrivateFile(demoCredentialsPath(dataDir), `${JSON.stringify(credentials, null, 2)}\n`);
}

export function removeDemoCredentials(dataDir: string): void {
  rmSync(demoCredentialsPath(dataDir), { force: true });
}

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exited, settle, startSettle } from "../support/process.ts";

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "settle-cli-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

const args = (n: number) => [
  "workspace",
  "create",
  "--name",
  `W${n}`,
  "--admin-email",
  `owner${n}@example.test`,
  "--admin-password",
  "long enough password",
  "--json",
];

async function meOf(url: string, key: string) {
  const res = await fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
  return (await res.json()) as { workspace_id: string; scopes: string[] };
}

describe("settle workspace create", () => {
  it("works twice at once without a server, then through a running server, and the keys are full access", async () => {
    const dir = dataDir();
    const env = { DATA_DIR: dir, SETTLE_DEMO: "0" };
    const offline = await Promise.all([settle(args(1), env), settle(args(2), env)]);
    const created = offline.map(
      (r) => JSON.parse(r.stdout.trim()) as { workspace_id: string; user_id: string; api_key: string },
    );
    expect(created[0]?.workspace_id).toMatch(/^ws_/);
    expect(created[0]?.workspace_id).not.toBe(created[1]?.workspace_id);

    const server = await startSettle(env);
    try {
      const online = await Promise.all([settle(args(3), env), settle(args(4), env)]);
      const viaServer = online.map((r) => JSON.parse(r.stdout.trim()) as { workspace_id: string; api_key: string });
      for (const ws of [...created, ...viaServer]) {
        const me = await meOf(server.url, ws.api_key);
        expect(me.workspace_id).toBe(ws.workspace_id);
        expect(me.scopes).toContain("api_keys:write");
      }
    } finally {
      server.child.kill("SIGTERM");
      expect(await exited(server.child)).toBe(0);
    }
    expect(existsSync(join(dir, "settle.lock"))).toBe(false);
  }, 180_000);

  it("rejects bad input with a message naming the field", async () => {
    const failed = await settle(
      ["workspace", "create", "--name", "X", "--admin-email", "nope", "--admin-password", "long enough password"],
      { DATA_DIR: dataDir() },
    ).catch((e: { stderr: string; code: number }) => e);
    expect("code" in failed && failed.code).toBe(1);
    expect("stderr" in failed ? failed.stderr : "").toContain("admin_email");
  });
});

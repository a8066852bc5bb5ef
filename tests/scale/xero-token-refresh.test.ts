import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_APP } from "../../src/sandboxes/xero/identity/demo-app.ts";
import { exited, settle, startSettle } from "../support/process.ts";
import { startXeroSandboxProcess } from "../support/xero-sandbox-process.ts";
import { connectXero, httpClient, XERO_NZ_TENANT } from "../support/xero-server.ts";

/**
 * Two Settle API processes on one PostgreSQL database find the Xero access token expired at the same moment.
 * Only one of them may spend the refresh token: the other must wait on the connection's row lock and use the
 * tokens the first stored. Only with TEST_DATABASE_URL: the embedded database allows one process.
 */
const baseUrl = process.env.TEST_DATABASE_URL;
const databaseName = `settle_xero_refresh_${randomBytes(6).toString("hex")}`;
const root = mkdtempSync(join(tmpdir(), "settle-xero-refresh-"));
const children: ChildProcess[] = [];

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited(child);
    }
  }
  rmSync(root, { recursive: true, force: true });
  if (baseUrl) await admin(`drop database if exists ${databaseName} with (force)`);
}, 60_000);

type LoggedRequest = { method: string; path: string; status: number };

describe.skipIf(!baseUrl)(
  "Xero token refresh across processes on PostgreSQL (skipped without TEST_DATABASE_URL)",
  () => {
    it("two processes calling Xero with an expired token refresh it once, both succeed, the connection stays", {
      timeout: 240_000,
    }, async () => {
      await admin(`create database ${databaseName}`);
      const url = new URL(baseUrl as string);
      url.pathname = `/${databaseName}`;
      const databaseUrl = url.toString();
      const xero = await startXeroSandboxProcess(root);
      children.push(xero.child);
      await settle(["migrate"], { DATABASE_URL: databaseUrl });
      const { api_key } = JSON.parse(
        (
          await settle(
            [
              "workspace",
              "create",
              "--name",
              "Refresh",
              "--admin-email",
              "owner@refresh.test",
              "--admin-password",
              "long enough password",
              "--json",
            ],
            { DATABASE_URL: databaseUrl },
          )
        ).stdout.trim(),
      ) as { api_key: string };
      const env = {
        DATABASE_URL: databaseUrl,
        DATA_DIR: join(root, "settle"),
        // Both processes open the tokens the other sealed.
        SETTLE_SECRET_KEY: randomBytes(32).toString("base64"),
        SETTLE_WORKER: "0",
        SETTLE_DEMO: "0",
        SETTLE_SANDBOXES: "0",
        XERO_CLIENT_ID: DEMO_APP.clientId,
        XERO_CLIENT_SECRET: DEMO_APP.clientSecret,
        XERO_LOGIN_URL: xero.login_url,
        XERO_IDENTITY_URL: xero.identity_url,
        XERO_API_URL: xero.api_url,
      };
      const servers = await Promise.all([startSettle(env), startSettle(env)]);
      for (const server of servers) children.push(server.child);
      const [one, two] = servers.map((server) => httpClient(server.url, api_key)) as [
        ReturnType<typeof httpClient>,
        ReturnType<typeof httpClient>,
      ];
      await connectXero(one);
      expect((await two("GET", "/api/v1/integrations/xero/accounts")).status).toBe(200);

      const tokenCalls = async () =>
        ((await xero.consoleApi("/log")) as LoggedRequest[]).filter(
          (r) => r.method === "POST" && r.path.endsWith("/connect/token"),
        );
      const before = await tokenCalls();
      await xero.consoleApi("/tokens/expire", { method: "POST", body: "{}" });

      const answers = await Promise.all([
        one("GET", "/api/v1/integrations/xero/accounts"),
        two("GET", "/api/v1/integrations/xero/accounts"),
      ]);
      for (const answer of answers) {
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        expect(answer.body.data.length).toBeGreaterThan(0);
      }
      // The log is newest first: what came after `before` is the refreshes the two calls made.
      const after = await tokenCalls();
      expect(after.slice(0, after.length - before.length)).toEqual([expect.objectContaining({ status: 200 })]);

      for (const api of [one, two]) {
        const status = await api("GET", "/api/v1/integrations/xero");
        expect(status.body).toMatchObject({ connected: true, status: "active", tenant_id: XERO_NZ_TENANT });
        expect((await api("GET", "/api/v1/integrations/xero/tax-rates")).status).toBe(200);
      }
      const { connections } = (await xero.consoleApi("/connections")) as { connections: { tenantId: string }[] };
      expect(connections.map((c) => c.tenantId)).toContain(XERO_NZ_TENANT);
      expect(await tokenCalls()).toHaveLength(before.length + 1);
    });
  },
);
